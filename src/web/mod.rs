//! The browser edge: the exports (`confirmSignUp`, `resendSignUpCode`,
//! `autoSignIn`) and their TypeScript types.
//!
//! Everything here moves values between JavaScript and the core, or does I/O
//! (fetch, timers, the page's threat-protection script, the caller's
//! SecretHash provider). Decisions are the core's.

mod context_data;
mod js_error;
mod object;
mod panic_guard;
mod read;
mod transport;

use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use crate::confirm_sign_up::{ConfirmSignUp, ConfirmSignUpOutput};
use crate::endpoint::{self, EndpointConfig};
use crate::error::Error;
use crate::initiate_auth::{SignInAfterSignUp, SignInOutcome};
use crate::json::Value;
use crate::resend_confirmation_code::{CodeDeliveryDetails, ResendConfirmationCode};
use crate::retry::RetryPolicy;
use crate::secret_hash::{ClientSecret, SecretHash};
use crate::user_call::{Operation, UserCall, UserContextData};
use crate::validate::{self, Rule, ValidationError};
use object::{object, set, set_opt};
use read::Obj;
use transport::{Exchange, Sent};

/// Used when the config sets no `timeoutMs`: long enough for a slow phone
/// network and a Lambda trigger, short enough that a form never hangs.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// Where the SecretHash comes from.
enum SecretSource {
    None,
    Compute(ClientSecret),
    Given(SecretHash),
    Provider(Function),
}

/// The second argument, read and checked.
struct Config {
    user_pool_id: String,
    client_id: String,
    url: String,
    secret: SecretSource,
    timeout_ms: u32,
    policy: RetryPolicy,
}

fn read_config(value: JsValue) -> Result<Config, ValidationError> {
    let config = Obj::argument(value, "config")?;
    let user_pool_id = config.string("userPoolId")?;
    let pool_region = validate::user_pool_id(&user_pool_id)?.to_owned();
    let region = config.opt_string("region")?;
    if let Some(region) = &region {
        validate::region("region", region)?;
    }
    let client_id = config.string("clientId")?;
    validate::client_id(&client_id)?;
    let custom = config.opt_string("endpoint")?;
    let url = endpoint::resolve(&EndpointConfig {
        region: region.as_deref().unwrap_or(&pool_region),
        use_fips: config.opt_bool("useFips")?.unwrap_or(false),
        use_dual_stack: config.opt_bool("useDualStack")?.unwrap_or(false),
        custom: custom.as_deref(),
    })?;
    let client_secret = config.opt_string("clientSecret")?;
    let secret = match (client_secret, config.member("secretHash")) {
        (Some(_), Some(_)) => return Err(ValidationError::new("secretHash", Rule::Conflicts("clientSecret"))),
        (Some(s), None) if s.is_empty() => {
            return Err(ValidationError::new("clientSecret", Rule::Format("a non-empty string")))
        }
        (Some(s), None) => SecretSource::Compute(ClientSecret::new(s)),
        (None, Some((v, field))) => match v.dyn_into::<Function>() {
            Ok(f) => SecretSource::Provider(f),
            Err(v) if v.is_string() => SecretSource::Given(SecretHash::given(read::string(&v, field)?)?),
            Err(_) => return Err(ValidationError::new(field, Rule::Type("a string or a function"))),
        },
        (None, None) => SecretSource::None,
    };
    let timeout_ms = config
        .opt_whole_number(
            "timeoutMs",
            1,
            i32::MAX as u32,
            "a whole number of milliseconds from 1 to 2147483647",
        )?
        .unwrap_or(DEFAULT_TIMEOUT_MS);
    let max_attempts = config
        .opt_whole_number("maxAttempts", 1, 10, "a whole number from 1 to 10")?
        .unwrap_or(RetryPolicy::default().max_attempts);
    let policy = RetryPolicy {
        max_attempts,
        ..RetryPolicy::default()
    };
    Ok(Config {
        user_pool_id,
        client_id,
        url,
        secret,
        timeout_ms,
        policy,
    })
}

/// The members every call's first argument shares, and the caller's abort signal.
fn read_user(input: &Obj, client_id: &str) -> Result<(UserCall, Option<AbortSignal>), ValidationError> {
    let username = input.string("username")?;
    let analytics = input.opt_object("analyticsMetadata", "analyticsMetadata")?;
    let context = input.opt_object("userContextData", "userContextData")?;
    let user = UserCall {
        client_id: client_id.to_owned(),
        username,
        secret_hash: None,
        analytics_endpoint_id: analytics
            .map(|a| a.opt_string("analyticsEndpointId"))
            .transpose()?
            .flatten(),
        user_context_data: context
            .map(|c| -> Result<_, ValidationError> {
                Ok(UserContextData {
                    ip_address: c.opt_string("ipAddress")?,
                    encoded_data: c.opt_string("encodedData")?,
                })
            })
            .transpose()?,
        client_metadata: input.opt_string_map("clientMetadata")?.unwrap_or_default(),
    };
    let signal = match input.member("signal") {
        None => None,
        Some((v, field)) => Some(
            v.dyn_into::<AbortSignal>()
                .map_err(|_| ValidationError::new(field, Rule::Type("an AbortSignal")))?,
        ),
    };
    Ok((user, signal))
}

/// Asks the caller's provider for the SecretHash; it may return a string or a promise of one.
async fn provided_hash(provider: &Function, username: &str, client_id: &str) -> Result<SecretHash, Error> {
    let returned = provider
        .call2(&JsValue::NULL, &username.into(), &client_id.into())
        .map_err(|e| Error::SecretHashProvider(transport::describe(&e)))?;
    let value = match returned.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|e| Error::SecretHashProvider(transport::describe(&e)))?,
        Err(value) => value,
    };
    if !value.is_string() {
        return Err(ValidationError::new("secretHash", Rule::Type("a string (what the provider returned)")).into());
    }
    Ok(SecretHash::given(read::string(&value, "secretHash".into())?)?)
}

/// Checks and sends one operation: the flow every export shares.
async fn run(prepared: Prepared) -> Result<Sent, Error> {
    let Prepared { mut op, config, signal } = prepared;
    let user = op.user_mut();
    if user.user_context_data.is_none() {
        user.user_context_data = context_data::collect(&user.username, &config.user_pool_id, &user.client_id);
    }
    op.validate()?;
    if signal.as_ref().is_some_and(AbortSignal::aborted) {
        return Err(Error::Aborted);
    }
    let user = op.user_mut();
    let client_secret = match config.secret {
        SecretSource::None => None,
        SecretSource::Compute(secret) => {
            user.secret_hash = Some(SecretHash::compute(&secret, &user.username, &user.client_id));
            Some(secret)
        }
        SecretSource::Given(hash) => {
            user.secret_hash = Some(hash);
            None
        }
        SecretSource::Provider(provider) => {
            user.secret_hash = Some(provided_hash(&provider, &user.username, &user.client_id).await?);
            None
        }
    };
    let call = op.call(config.url, client_secret.as_ref());
    let exchange = Exchange {
        signal: signal.as_ref(),
        timeout_ms: config.timeout_ms,
        policy: config.policy,
    };
    exchange.run(&call, &|e| op.done_already(e)).await
}

/// The three exports. One async flow serves them all, so it is compiled once.
#[derive(Clone, Copy)]
enum Export {
    ConfirmSignUp,
    ResendSignUpCode,
    AutoSignIn,
}

/// A call read from its arguments and ready to run.
struct Prepared {
    op: Box<dyn Operation>,
    config: Config,
    signal: Option<AbortSignal>,
}

/// Reads both arguments and the operation's own members from the first.
fn read_operation(export: Export, input: JsValue, config: JsValue) -> Result<Prepared, ValidationError> {
    let config = read_config(config)?;
    let input = Obj::argument(input, "input")?;
    let (user, signal) = read_user(&input, &config.client_id)?;
    let op: Box<dyn Operation> = match export {
        Export::ConfirmSignUp => Box::new(ConfirmSignUp {
            user,
            confirmation_code: input.string("confirmationCode")?,
            force_alias_creation: input.opt_bool("forceAliasCreation")?,
            session: input.opt_string("session")?,
        }),
        Export::ResendSignUpCode => Box::new(ResendConfirmationCode { user }),
        Export::AutoSignIn => Box::new(SignInAfterSignUp {
            user,
            session: input.opt_string("session")?.unwrap_or_default(),
        }),
    };
    Ok(Prepared { op, config, signal })
}

/// Runs one export so that a panic rejects its promise, and turns its error into a JavaScript `Error`.
fn export(export: Export, input: JsValue, config: JsValue) -> Promise {
    panic_guard::spawn(async move {
        let outcome = async {
            let sent = run(read_operation(export, input, config)?).await?;
            match export {
                Export::ConfirmSignUp => Ok(confirm_result(sent)),
                Export::ResendSignUpCode => Ok(resend_result(sent)),
                Export::AutoSignIn => sign_in_result(sent),
            }
        };
        outcome.await.map_err(|e: Error| js_error::to_js(&e))
    })
}

/// `{ isSignUpComplete: true, nextStep: { signUpStep }, session?, confirmedByEarlierAttempt? }`
fn confirm_result(sent: Sent) -> JsValue {
    let (session, recovered) = match sent {
        Sent::Output(output) => (ConfirmSignUpOutput::from_json(&output).session, false),
        Sent::Recovered => (None, true),
    };
    let result = object();
    let next_step = object();
    let step = if session.is_some() {
        "COMPLETE_AUTO_SIGN_IN"
    } else {
        "DONE"
    };
    set(&next_step, "signUpStep", &JsValue::from_str(step));
    set(&result, "isSignUpComplete", &JsValue::TRUE);
    set(&result, "nextStep", &next_step);
    set_opt(&result, "session", session.as_deref());
    if recovered {
        set(&result, "confirmedByEarlierAttempt", &JsValue::TRUE);
    }
    result
}

/// `{ destination?, deliveryMedium?, attributeName? }`
fn resend_result(sent: Sent) -> JsValue {
    let details = match sent {
        Sent::Output(output) => CodeDeliveryDetails::from_json(&output),
        Sent::Recovered => CodeDeliveryDetails::default(),
    };
    let result = object();
    set_opt(&result, "destination", details.destination.as_deref());
    set_opt(&result, "deliveryMedium", details.delivery_medium.as_deref());
    set_opt(&result, "attributeName", details.attribute_name.as_deref());
    result
}

/// `{ isSignedIn: true, tokens, nextStep: { signInStep: "DONE" } }` or the challenge.
fn sign_in_result(sent: Sent) -> Result<JsValue, Error> {
    let output = match sent {
        Sent::Output(output) => output,
        Sent::Recovered => Value::Object(Vec::new()),
    };
    let result = object();
    let next_step = object();
    match SignInOutcome::from_json(&output)? {
        SignInOutcome::SignedIn(t) => {
            let tokens = object();
            set(&tokens, "accessToken", &JsValue::from_str(&t.access_token));
            set_opt(&tokens, "idToken", t.id_token.as_deref());
            set_opt(&tokens, "refreshToken", t.refresh_token.as_deref());
            set_opt(&tokens, "tokenType", t.token_type.as_deref());
            if let Some(seconds) = t.expires_in {
                set(&tokens, "expiresIn", &JsValue::from(seconds));
            }
            set(&result, "isSignedIn", &JsValue::TRUE);
            set(&result, "tokens", &tokens);
            set(&next_step, "signInStep", &JsValue::from_str("DONE"));
        }
        SignInOutcome::Challenge {
            name,
            session,
            parameters,
        } => {
            let challenge_parameters = object();
            for (k, v) in &parameters {
                set(&challenge_parameters, k, &JsValue::from_str(v));
            }
            set(&result, "isSignedIn", &JsValue::FALSE);
            set(&next_step, "signInStep", &JsValue::from_str("CHALLENGE"));
            set(&next_step, "challengeName", &JsValue::from_str(&name));
            set_opt(&next_step, "session", session.as_deref());
            set(&next_step, "challengeParameters", &challenge_parameters);
        }
    }
    set(&result, "nextStep", &next_step);
    Ok(result)
}

/// Confirms a sign-up with the code Cognito sent. See the TypeScript types for the arguments.
#[wasm_bindgen(js_name = confirmSignUp, skip_typescript)]
pub fn confirm_sign_up(input: JsValue, config: JsValue) -> Promise {
    export(Export::ConfirmSignUp, input, config)
}

/// Sends the user a new confirmation code (`ResendConfirmationCode`).
#[wasm_bindgen(js_name = resendSignUpCode, skip_typescript)]
pub fn resend_sign_up_code(input: JsValue, config: JsValue) -> Promise {
    export(Export::ResendSignUpCode, input, config)
}

/// Signs the user in with the session a confirmation returned (`InitiateAuth`, `USER_AUTH`).
#[wasm_bindgen(js_name = autoSignIn, skip_typescript)]
pub fn auto_sign_in(input: JsValue, config: JsValue) -> Promise {
    export(Export::AutoSignIn, input, config)
}

/// A call that panics after its first await: for the test of the panic guard only.
#[cfg(feature = "panic-probe")]
#[wasm_bindgen(js_name = __panicProbe, skip_typescript)]
pub fn panic_probe() -> Promise {
    panic_guard::spawn(async {
        let _ = JsFuture::from(Promise::resolve(&JsValue::NULL)).await;
        panic!("the panic probe was called");
    })
}
#[cfg(feature = "standalone")]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(feature = "standalone")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    panic_guard::on_panic();
    core::arch::wasm32::unreachable()
}
