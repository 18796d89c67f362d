//! A hostile server and a careless page (issue 12): every wait ends on abort
//! and has a deadline, the page's threat-protection script never blocks a
//! call, redirects are refused, bodies are capped, the driver reads own
//! members only and each argument once, and a caller's key is never a tag.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

mod common;

use common::*;
use js_sys::{Function, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn eval(body: &str) -> JsValue {
    Function::new_no_args(body).call0(&JsValue::NULL).unwrap()
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn secret_config() -> JsValue {
    config(SECRET_CLIENT)
}

/// Item 1: the provider's wait ends on abort, and has a deadline.
#[wasm_bindgen_test]
async fn the_provider_wait_ends_on_abort_and_at_the_deadline() {
    watch_page();
    // Never settles; aborted after 100 ms.
    let username = new_user("1", "").await;
    let config = secret_config();
    set(
        &config,
        "secretHash",
        &Function::new_no_args("return new Promise(() => {})"),
    );
    let input = input(&username, "1");
    let controller = web_sys::AbortController::new().unwrap();
    set(&input, "signal", &controller.signal());
    Function::new_with_args("c", "setTimeout(() => c.abort(), 100)")
        .call1(&JsValue::NULL, &controller)
        .unwrap();
    let started = now();
    assert_eq!(name_of(&confirm_err(input, config).await), "AbortError");
    assert!(now() - started < 2_000.0, "ended at once");

    // Rejects after the abort: still an AbortError.
    let config = secret_config();
    set(
        &config,
        "secretHash",
        &Function::new_no_args("return new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 300))"),
    );
    let input = self::input(&username, "1");
    let controller = web_sys::AbortController::new().unwrap();
    set(&input, "signal", &controller.signal());
    Function::new_with_args("c", "setTimeout(() => c.abort(), 50)")
        .call1(&JsValue::NULL, &controller)
        .unwrap();
    assert_eq!(name_of(&confirm_err(input, config).await), "AbortError");

    // Never settles, no signal: a SecretHashError at timeoutMs.
    let config = secret_config();
    set(
        &config,
        "secretHash",
        &Function::new_no_args("return new Promise(() => {})"),
    );
    set(&config, "timeoutMs", &JsValue::from(300));
    let started = now();
    let err = confirm_err(self::input(&username, "1"), config).await;
    assert_eq!(name_of(&err), "SecretHashError");
    assert!(get_str(&err, "message").unwrap().contains("no answer within 300 ms"));
    assert!(now() - started < 2_000.0);
    assert_eq!(requests(&username).await.length(), 0, "nothing was sent");
    // Let the late rejection happen: it must not surface as unhandled.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |r, _| {
        web_sys_timeout(&r, 400);
    }))
    .await
    .unwrap();
    assert_page_clean();
}

fn web_sys_timeout(f: &Function, ms: i32) {
    Function::new_with_args("f, ms", "setTimeout(f, ms)")
        .call2(&JsValue::NULL, f, &JsValue::from(ms))
        .unwrap();
}

/// Item 3: anything wrong with the page's script means no UserContextData.
/// One test owns the page global.
#[wasm_bindgen_test]
async fn the_page_script_never_blocks_a_call() {
    let cases = [
        // A getter on the global that throws.
        "Object.defineProperty(globalThis, 'AmazonCognitoAdvancedSecurityData', { configurable: true, get() { throw new Error('getter'); } });",
        // getData that returns more than the model allows for EncodedData.
        "globalThis.AmazonCognitoAdvancedSecurityData = { getData: () => 'x'.repeat(131073) };",
        // getData that is a getter that throws.
        "globalThis.AmazonCognitoAdvancedSecurityData = { get getData() { throw new Error('no'); } };",
        // Not an object at all.
        "globalThis.AmazonCognitoAdvancedSecurityData = 42;",
    ];
    for setup in cases {
        eval(setup);
        let username = new_user("1", "").await;
        let result = call(input(&username, "1"), config(PLAIN)).await;
        eval("delete globalThis.AmazonCognitoAdvancedSecurityData;");
        assert!(result.is_ok(), "{setup}: {:?}", result.err().map(|e| name_of(&e)));
        let body = get(&only_request(&username).await, "body");
        assert!(get(&body, "UserContextData").is_undefined(), "{setup}");
    }

    // With a SecretHash provider, getData still runs once per call.
    eval("globalThis.__asked = 0; globalThis.AmazonCognitoAdvancedSecurityData = { getData: () => 'enc' + ++globalThis.__asked };");
    let username = new_user("1", "").await;
    let config = secret_config();
    let hash = get(&call_hash(&username).await, "hash");
    set(
        &config,
        "secretHash",
        &Function::new_with_args(
            "",
            &format!("return Promise.resolve({})", JSON::stringify(&hash).unwrap()),
        ),
    );
    let result = call(input(&username, "1"), config).await;
    let asked = get(&js_sys::global(), "__asked");
    eval("delete globalThis.AmazonCognitoAdvancedSecurityData; delete globalThis.__asked;");
    result.unwrap_or_else(|e| panic!("{}", name_of(&e)));
    assert_eq!(asked.as_f64(), Some(1.0), "getData calls");
    let body = get(&only_request(&username).await, "body");
    assert_eq!(
        get_str(&get(&body, "UserContextData"), "EncodedData").as_deref(),
        Some("enc1")
    );
}

/// The SecretHash of `username` for the secret client, computed in the page.
async fn call_hash(username: &str) -> JsValue {
    let p: js_sys::Promise = Function::new_with_args(
        "secret, message",
        "const enc = new TextEncoder();
         return crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
           .then((k) => crypto.subtle.sign('HMAC', k, enc.encode(message)))
           .then((s) => ({ hash: btoa(String.fromCharCode(...new Uint8Array(s))) }));",
    )
    .call2(
        &JsValue::NULL,
        &SECRET.into(),
        &format!("{username}{SECRET_CLIENT}").into(),
    )
    .unwrap()
    .into();
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap()
}

/// Item 5: a redirect is refused; nothing reaches its target, nothing is confirmed.
#[wasm_bindgen_test]
async fn redirects_are_refused() {
    watch_page();
    for status in [301, 302, 307, 308] {
        let username = new_user("1", "").await;
        let before = get(&stats().await, "followed").as_f64().unwrap_or(0.0);
        script(
            &username,
            &format!(
                r#"[{{"status":{status},"body":"","headers":{{"Location":"{}/followed/"}}}}]"#,
                fake()
            ),
        )
        .await;
        let err = confirm_err(input(&username, "1"), config(PLAIN)).await;
        assert_eq!(name_of(&err), "UnknownError", "{status}");
        assert!(get_str(&err, "message").unwrap().contains("redirect"), "{status}");
        assert_eq!(requests(&username).await.length(), 1, "{status}: not retried");
        assert_eq!(
            get(&stats().await, "followed").as_f64().unwrap_or(0.0),
            before,
            "{status}: not followed"
        );
        assert_eq!(user_status(&username).await.as_deref(), Some("UNCONFIRMED"));
    }
    assert_page_clean();
}

/// Item 6: an answer's body past the cap is not read and is never a success.
#[wasm_bindgen_test]
async fn bodies_past_the_cap_are_not_read() {
    watch_page();
    // With a Content-Length, without one, and gzipped: the last one's
    // Content-Length (a few hundred bytes) says nothing of what it inflates
    // to, so only counting the decoded bytes finds it over the cap.
    for (lengthless, gzip) in [(false, false), (true, false), (false, true)] {
        // Three 2xx answers over the cap: an UnknownError, not a success.
        let username = new_user("1", "").await;
        let huge = format!(r#"{{"status":200,"hugeBody":300000,"lengthless":{lengthless},"gzip":{gzip}}}"#);
        script(&username, &format!("[{huge},{huge},{huge}]")).await;
        let err = confirm_err(input(&username, "1"), config(PLAIN)).await;
        assert_eq!(name_of(&err), "UnknownError", "lengthless {lengthless}, gzip {gzip}");
        assert_eq!(get(&err, "status").as_f64(), Some(200.0));
        assert!(get_str(&err, "message").unwrap().contains("cap"));
        assert_eq!(
            requests(&username).await.length(),
            3,
            "a 2xx over the cap is retried like a lost answer"
        );
    }
    // Cognito confirmed, the answer passed the cap: the retry's CONFIRMED is that success.
    let username = new_user("1", "").await;
    script(&username, r#"[{"status":200,"hugeBody":300000,"apply":true}]"#).await;
    let result = call(input(&username, "1"), config(PLAIN)).await.unwrap();
    assert_eq!(get(&result, "confirmedByEarlierAttempt"), JsValue::TRUE);
    // Just under the cap is read as usual (a long Session is the model's business).
    let username = new_user("1", "").await;
    script(&username, r#"[{"status":200,"hugeBody":262144}]"#).await;
    if let Err(e) = call(input(&username, "1"), config(PLAIN)).await {
        assert!(!get_str(&e, "message").unwrap().contains("cap"), "read in full");
    }
    assert_page_clean();
}

/// Item 7: members inherited from Object.prototype are never read.
#[wasm_bindgen_test]
async fn inherited_members_are_ignored() {
    let username = new_user("1", "").await;
    script(
        &username,
        r#"[{"status":503,"body":""},{"status":503,"body":""},{"status":503,"body":""}]"#,
    )
    .await;
    let other = new_user("2", "").await;
    eval(
        // Not enumerable, so that the test runner's own page code keeps working.
        // (No `mode`: WebKit's own fetch reads an inherited `mode`, whatever
        // the init object says, so on WebKit that breaks every fetch on the page.)
        "const c = new AbortController(); c.abort();
         const forged = { ok: { isSignUpComplete: true, forged: true }, signal: c.signal, secretHash: 'Zm9yZ2Vk',
           error: { name: 'Forged', message: 'forged' }, provide: true, askPage: 1 };
         for (const [k, value] of Object.entries(forged))
           Object.defineProperty(Object.prototype, k, { value, configurable: true, writable: true });",
    );
    let result = call(input(&username, "1"), config(PLAIN)).await;
    let second = call(input(&other, "2"), config(PLAIN)).await;
    eval("for (const k of ['ok', 'signal', 'secretHash', 'error', 'provide', 'askPage']) delete Object.prototype[k];");
    let err = result.expect_err("503 on every attempt is no success");
    assert_eq!(name_of(&err), "UnknownError");
    assert_eq!(get(&err, "status").as_f64(), Some(503.0));
    assert_eq!(
        requests(&username).await.length(),
        3,
        "the inherited signal did not abort"
    );
    let second = second.unwrap_or_else(|e| panic!("{}", name_of(&e)));
    assert!(get(&second, "forged").is_undefined(), "the result is the core's");
    let body: js_sys::Object = get(&only_request(&other).await, "body").into();
    assert!(
        !js_sys::Object::has_own(&body, &"SecretHash".into()),
        "no inherited secretHash"
    );
    assert_eq!(user_status(&other).await.as_deref(), Some("CONFIRMED"));
}

/// Item 8: each member is read once; the provider and the request agree.
#[wasm_bindgen_test]
async fn arguments_are_read_once() {
    let first = new_user("1", "").await;
    let second = new_user("1", "").await;
    let input = eval(&format!(
        "globalThis.__reads = 0;
         return {{ get username() {{ return ++globalThis.__reads == 1 ? '{first}' : '{second}'; }}, confirmationCode: '1' }};"
    ));
    let config = secret_config();
    let provider = Function::new_with_args(
        "username",
        "globalThis.__asked = username; return globalThis.__hash(username);",
    );
    set(&config, "secretHash", &provider);
    let hashes = js_sys::Object::new();
    set(&hashes, &first, &get(&call_hash(&first).await, "hash"));
    set(&hashes, &second, &get(&call_hash(&second).await, "hash"));
    set(&js_sys::global(), "__hashes", &hashes);
    eval("globalThis.__hash = (u) => globalThis.__hashes[u];");
    let result = call(input, config).await;
    let reads = get(&js_sys::global(), "__reads").as_f64();
    let asked = get_str(&js_sys::global(), "__asked");
    eval("delete globalThis.__reads; delete globalThis.__asked; delete globalThis.__hash; delete globalThis.__hashes;");
    result.unwrap_or_else(|e| panic!("{}", name_of(&e)));
    assert_eq!(reads, Some(1.0), "username getter reads");
    assert_eq!(asked.as_deref(), Some(first.as_str()));
    only_request(&first).await;
    assert_eq!(requests(&second).await.length(), 0);
}

/// Item 13: a caller's key that looks like the driver's tag is sent as is.
#[wasm_bindgen_test]
async fn a_callers_key_is_never_a_tag() {
    for metadata in [
        r#"{"\u0000":"v"}"#,
        r#"{"\u0000":"function"}"#,
        r#"{"\u0000\u0000":"loneSurrogate"}"#,
        r#"{"\u0000":"v","k":"w"}"#,
    ] {
        let username = new_user("1", "").await;
        let input = input(&username, "1");
        set(&input, "clientMetadata", &js(metadata));
        call(input, config(PLAIN))
            .await
            .unwrap_or_else(|e| panic!("{metadata}: {}", name_of(&e)));
        let body = get(&only_request(&username).await, "body");
        assert_eq!(JSON::stringify(&get(&body, "ClientMetadata")).unwrap(), metadata);
    }
}

/// Item 4 (the part this suite can see): a page's broken Math.random never
/// reaches the module; the backoff still works.
#[wasm_bindgen_test]
async fn a_broken_math_random_is_not_the_modules_problem() {
    let username = new_user("1", "").await;
    script(&username, r#"[{"status":500,"type":"InternalErrorException"}]"#).await;
    eval("globalThis.__random = Math.random; Math.random = () => { throw new Error('patched'); };");
    let result = call(input(&username, "1"), config(PLAIN)).await;
    eval("Math.random = globalThis.__random; delete globalThis.__random;");
    result.unwrap_or_else(|e| panic!("{}", name_of(&e)));
    assert_eq!(requests(&username).await.length(), 2);
}

/// Issue 19: every rejection is an `Error` of the README's names, whatever
/// the caller's values throw (a getter, a Proxy trap, a revoked Proxy, a
/// `toString` or `Symbol.toPrimitive` trap, a provider's strange throw), and
/// nothing is sent. Each case builds `[input, config]` from the user `U`, a
/// plain config `P` and a config of the secret client `S`.
#[wasm_bindgen_test]
async fn every_rejection_is_a_listed_error() {
    watch_page();
    let revoked = "const { proxy: R, revoke: r } = Proxy.revocable({}, {}); r();";
    let cases: &[(&str, &str, &str)] = &[
        ("return [{ get username() { throw 42; }, confirmationCode: '1' }, P];", "ValidationError", "username"),
        ("return [{ username: U, get confirmationCode() { throw new TypeError('no'); } }, P];", "ValidationError", "confirmationCode"),
        ("return [R, P];", "ValidationError", "input"),
        ("return [{ username: U, confirmationCode: '1' }, R];", "ValidationError", "config"),
        ("return [new Proxy({}, { ownKeys() { throw Symbol('keys'); } }), P];", "ValidationError", "input"),
        ("return [{ username: U, confirmationCode: '1', clientMetadata: { get k() { throw null; } } }, P];", "ValidationError", "clientMetadata.k"),
        ("return [{ username: U, confirmationCode: '1', clientMetadata: R }, P];", "ValidationError", "clientMetadata"),
        ("return [{ username: { toString() { throw 42; } }, confirmationCode: '1' }, P];", "ValidationError", "username"),
        ("return [{ username: { [Symbol.toPrimitive]() { throw 42; } }, confirmationCode: '1' }, P];", "ValidationError", "username"),
        ("return [{ username: U, confirmationCode: '1' }, { ...P, get timeoutMs() { throw 42; } }];", "ValidationError", "timeoutMs"),
        ("return [{ username: U, confirmationCode: '1' }, { ...P, logger: 'console' }];", "ValidationError", "logger"),
        ("const s = new AbortController().signal; Object.defineProperty(s, 'aborted', { get() { throw 42; } });
          return [{ username: U, confirmationCode: '1', signal: s }, P];", "ValidationError", "signal"),
        ("return [{ username: U, confirmationCode: '1', signal: Object.create(AbortSignal.prototype) }, P];", "ValidationError", "signal"),
        ("return [{ username: U, confirmationCode: '1' }, { ...S, get secretHash() { throw 42; } }];", "ValidationError", "secretHash"),
        ("const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw 42; } });
          return [{ username: U, confirmationCode: '1' }, { ...S, secretHash: () => { throw e; } }];", "SecretHashError", ""),
        ("return [{ username: U, confirmationCode: '1' }, { ...S, secretHash: () => { throw 42; } }];", "SecretHashError", ""),
        ("return [{ username: U, confirmationCode: '1' }, { ...S, secretHash: () => ({ then() { throw 42; } }) }];", "SecretHashError", ""),
        ("return [{ username: U, confirmationCode: '1' }, { ...S, secretHash: () => ({ get then() { throw 42; } }) }];", "SecretHashError", ""),
        ("return [{ username: U, confirmationCode: '1' }, { ...S, secretHash: () => Promise.reject(new Proxy(new Error('x'), { get() { throw 42; } })) }];", "SecretHashError", ""),
        ("return [{ username: U, confirmationCode: '1' }, { ...S, secretHash: () => R }];", "SecretHashError", ""),
        ("const { proxy, revoke } = Proxy.revocable(() => 'aGFzaA==', {}); revoke();
          return [{ username: U, confirmationCode: '1' }, { ...S, secretHash: proxy }];", "ValidationError", "secretHash"),
    ];
    for (setup, expected, field) in cases {
        let username = new_user("1", "").await;
        let args: js_sys::Array = Function::new_with_args("U, P, S", &format!("{revoked} {setup}"))
            .call3(
                &JsValue::NULL,
                &username.as_str().into(),
                &config(PLAIN),
                &secret_config(),
            )
            .unwrap()
            .into();
        let err = confirm_err(args.get(0), args.get(1)).await;
        assert_eq!(name_of(&err), *expected, "{setup}");
        if !field.is_empty() {
            assert_eq!(get_str(&err, "field").as_deref(), Some(*field), "{setup}");
        }
        assert_eq!(requests(&username).await.length(), 0, "{setup}: nothing was sent");
    }
    // buildRequest's operation, read as a property key: a trap there too.
    for operation in [
        "return { toString() { throw 42; } };",
        "return { [Symbol.toPrimitive]() { throw 42; } };",
    ] {
        let err = build_request_with(eval(operation), input("u", "1"), config(PLAIN))
            .await
            .expect_err("no such operation");
        assert_eq!(name_of(&err), "ValidationError", "{operation}");
        assert_eq!(get_str(&err, "field").as_deref(), Some("operation"));
    }
    assert_page_clean();
}

/// Issue 19: the config's `logger` is called once per attempt with the
/// operation, the attempt, the status, Cognito's request id, the time and the
/// retry decision, and with none of the username, code, password, attribute
/// values, client secret or SecretHash; a request id that repeats an
/// argument is left out. A logger that throws or rejects changes nothing,
/// and without one nothing is logged.
#[wasm_bindgen_test]
async fn the_logger_sees_each_attempt_and_no_secret() {
    watch_page();
    eval(
        "globalThis.__logs = [];
         globalThis.__logger = (entry) => { globalThis.__logs.push(entry); };",
    );
    let logs = || -> js_sys::Array { get(&js_sys::global(), "__logs").into() };
    let echoed = "0f8e1b1a-5d5c-4c3b-9a9a-1234567890ab";

    // ConfirmSignUp for the secret client: two retried answers, then Cognito's.
    let username = new_user("424242", "").await;
    script(
        &username,
        &format!(
            r#"[{{"status":500,"type":"InternalErrorException","headers":{{"x-amzn-RequestId":"{echoed}"}}}},
                {{"status":503,"body":"","headers":{{"x-amzn-RequestId":"{username}"}}}}]"#
        ),
    )
    .await;
    let config = secret_config();
    set(&config, "clientSecret", &SECRET.into());
    set(&config, "logger", &get(&js_sys::global(), "__logger"));
    let input = input(&username, "424242");
    set(&input, "clientMetadata", &js(&format!(r#"{{"trace":"{echoed}"}}"#)));
    call(input, config.clone())
        .await
        .unwrap_or_else(|e| panic!("{}", name_of(&e)));
    let seen = requests(&username).await;
    assert_eq!(seen.length(), 3);
    let sent_hash = get_str(&get(&seen.get(2), "body"), "SecretHash").expect("a SecretHash was sent");
    let entries = logs();
    assert_eq!(entries.length(), 3, "one entry per attempt");
    for (n, status) in [500.0, 503.0, 200.0].into_iter().enumerate() {
        let entry = entries.get(n as u32);
        assert_eq!(get_str(&entry, "operation").as_deref(), Some("confirmSignUp"));
        assert_eq!(get(&entry, "attempt").as_f64(), Some(n as f64 + 1.0));
        assert_eq!(get(&entry, "status").as_f64(), Some(status));
        assert!(get(&entry, "ms").as_f64().is_some_and(|ms| ms >= 0.0), "ms");
        assert!(get(&entry, "error").is_undefined());
        let retry = get(&entry, "retryInMs");
        assert_eq!(retry.as_f64().is_some(), n < 2, "retried after attempts 1 and 2 only");
    }
    assert!(
        get(&entries.get(0), "requestId").is_undefined(),
        "an id that repeats an argument"
    );
    assert!(
        get(&entries.get(1), "requestId").is_undefined(),
        "an id that is the username"
    );
    let id = get_str(&entries.get(2), "requestId").expect("Cognito's request id");
    assert_eq!(id.len(), 36, "{id}");
    let text = JSON::stringify(&entries).unwrap().as_string().unwrap();
    for secret in [username.as_str(), "424242", SECRET, sent_hash.as_str(), echoed] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }

    // A refused code: one entry with the error's name, not retried.
    eval("globalThis.__logs = [];");
    let username = new_user("424242", "").await;
    let err = confirm_err(self::input(&username, "999999"), config).await;
    assert_eq!(name_of(&err), "CodeMismatchException");
    let entries = logs();
    assert_eq!(entries.length(), 1);
    assert_eq!(get(&entries.get(0), "status").as_f64(), Some(400.0));
    assert_eq!(
        get_str(&entries.get(0), "error").as_deref(),
        Some("CodeMismatchException")
    );
    assert!(get(&entries.get(0), "retryInMs").is_undefined());

    // SignUp: the password and the attribute values never reach the logger.
    eval("globalThis.__logs = [];");
    let username = unique("logsign");
    let password = "Pw-9f3!kq7Zr2m";
    let email = format!("{username}@example.com");
    let config = self::config(PLAIN);
    set(&config, "logger", &get(&js_sys::global(), "__logger"));
    let input = js(&format!(
        r#"{{"username":"{username}","password":"{password}","userAttributes":{{"email":"{email}","name":"Zebulon Quixote"}}}}"#
    ));
    sign_up(input, config)
        .await
        .unwrap_or_else(|e| panic!("{}", name_of(&e)));
    let entries = logs();
    assert_eq!(entries.length(), 1);
    assert_eq!(get_str(&entries.get(0), "operation").as_deref(), Some("signUp"));
    let text = JSON::stringify(&entries).unwrap().as_string().unwrap();
    for secret in [username.as_str(), password, email.as_str(), "Zebulon Quixote"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }

    // Loggers that throw, reject or hand back a thenable that throws: the calls go on.
    for logger in [
        "return () => { throw new Error('logger down'); };",
        "return () => { throw 42; };",
        "return async () => { throw new Error('rejects'); };",
        "return () => ({ then() { throw 42; } });",
    ] {
        let username = new_user("1", "").await;
        let config = self::config(PLAIN);
        set(&config, "logger", &eval(logger));
        let result = call(self::input(&username, "1"), config).await;
        assert!(result.is_ok(), "{logger}: {:?}", result.err().map(|e| name_of(&e)));
    }

    // Without a logger: nothing on the console.
    eval(
        "globalThis.__console = 0;
         for (const k of ['log', 'info', 'debug', 'warn', 'error', 'trace']) {
           const f = console[k];
           console['__' + k] = f;
           console[k] = (...a) => { globalThis.__console++; f.apply(console, a); };
         }",
    );
    let username = new_user("1", "").await;
    let result = call(self::input(&username, "1"), self::config(PLAIN)).await;
    let printed = get(&js_sys::global(), "__console").as_f64();
    eval(
        "for (const k of ['log', 'info', 'debug', 'warn', 'error', 'trace']) { console[k] = console['__' + k]; delete console['__' + k]; }
         delete globalThis.__console; delete globalThis.__logs; delete globalThis.__logger;",
    );
    result.unwrap_or_else(|e| panic!("{}", name_of(&e)));
    assert_eq!(printed, Some(0.0), "console calls without a logger");
    assert_page_clean();
}
