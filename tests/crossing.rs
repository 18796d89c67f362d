//! What crosses languages is written once in Rust, and every copy in
//! JavaScript (`js/driver.js`, `js/bind.js`), TypeScript (`js/index.d.ts`)
//! and the docs (the top-level Markdown files and `docs/`) is held to it here:
//! the operations' numbers, the outcome and page codes of the `step` export,
//! the defaults, the body cap, the error names and the messages both sides
//! write. Nothing of
//! this ships: the tables are Rust constants the module already has, and the
//! JavaScript names are constants esbuild inlines.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use cognito_confirm::internals::code::*;
use cognito_confirm::internals::{
    error_name, Error, Kind, RetryPolicy, Rule, ServiceErrorName, ValidationError, DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES,
};
use regex::Regex;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// Every Markdown file at the top (but CHANGELOG.md, a history that keeps old
/// values) and under docs/, by path.
fn docs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") && name != "CHANGELOG.md" {
            files.push((name, std::fs::read_to_string(&path).unwrap()));
        }
    }
    let mut stack = vec![root.join("docs")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files
}

/// `const NAME = number` (one or several, comma-separated) in JavaScript source.
fn js_constants(source: &str) -> Vec<(String, i64)> {
    let decl = Regex::new(r"(?m)^(?:export )?const ([^;\n]+);").unwrap();
    let item = Regex::new(r"^\s*([A-Z][A-Z0-9_]*) = (-?\d+)\s*$").unwrap();
    let mut out = Vec::new();
    for d in decl.captures_iter(source) {
        for part in d[1].split(',') {
            if let Some(c) = item.captures(part) {
                out.push((c[1].to_owned(), c[2].parse().unwrap()));
            }
        }
    }
    out
}

#[test]
fn the_driver_numbers_the_operations_as_the_core_does() {
    let driver = read("js/driver.js");
    let table = Regex::new(r"const KINDS = \{ __proto__: null, ([^}]*)\}").unwrap();
    let body = &table.captures(&driver).expect("KINDS in js/driver.js")[1];
    let js: Vec<(String, u32)> = body
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|entry| {
            let (name, n) = entry.split_once(':').expect("name: number");
            (name.trim().to_owned(), n.trim().parse().expect("a number"))
        })
        .collect();
    let rust: Vec<(String, u32)> = Kind::EXPORTS
        .iter()
        .map(|(kind, name)| {
            let n = (0..).find(|&n| Kind::from_number(n) == Some(*kind)).unwrap();
            ((*name).to_owned(), n)
        })
        .collect();
    assert_eq!(js, rust, "KINDS in js/driver.js against Kind::EXPORTS");
    for entry in ["js/index.js", "js/index.node.js"] {
        let source = read(entry);
        for (_, name) in Kind::EXPORTS {
            assert!(
                Regex::new(&format!(r"export const \{{[^}}]*\b{name}\b"))
                    .unwrap()
                    .is_match(&source),
                "{entry} exports {name}"
            );
        }
    }
    let dts = read("js/index.d.ts");
    for (_, name) in Kind::EXPORTS {
        assert!(
            dts.contains(&format!("export function {name}("))
                || dts.contains(&format!("export declare function {name}(")),
            "js/index.d.ts declares {name}"
        );
    }
}

#[test]
fn the_driver_writes_the_cores_codes() {
    let rust: &[(&str, u32)] = &[
        ("OUTCOME_NETWORK", OUTCOME_NETWORK),
        ("OUTCOME_TIMEOUT", OUTCOME_TIMEOUT),
        ("OUTCOME_ABORTED", OUTCOME_ABORTED),
        ("OUTCOME_PROVIDER_FAILED", OUTCOME_PROVIDER_FAILED),
        ("OUTCOME_REDIRECTED", OUTCOME_REDIRECTED),
        ("OUTCOME_TOO_LARGE", OUTCOME_TOO_LARGE),
        ("OUTCOME_PREPARE", OUTCOME_PREPARE),
        ("PAGE_NO_SCRIPT", PAGE_NO_SCRIPT),
        ("PAGE_SCRIPT", PAGE_SCRIPT),
        ("PAGE_ASKED", PAGE_ASKED),
    ];
    let driver = read("js/driver.js");
    let js = js_constants(&driver);
    for (name, value) in rust {
        let Some((_, n)) = js.iter().find(|(js_name, _)| js_name == name) else {
            panic!("js/driver.js declares no {name}")
        };
        // A JavaScript number reaches a u32 argument as wasm-bindgen's `n >>> 0`.
        assert_eq!(*n as u32, *value, "{name}: js/driver.js has {n}");
    }
    // The codes are used by name: no attempt's outcome is a bare number.
    let bare = Regex::new(r"judge\(\s*\w+,\s*\d|return \[\d|\? \[\d|: \[\d").unwrap();
    for file in ["js/driver.js", "js/bind.js"] {
        let source = read(file);
        assert!(
            !bare.is_match(&source),
            "{file} writes an outcome code as a bare number"
        );
    }
}

#[test]
fn defaults_are_the_cores() {
    let driver = read("js/driver.js");
    let timeout = js_constants(&driver)
        .into_iter()
        .find(|(name, _)| name == "DEFAULT_TIMEOUT_MS")
        .expect("DEFAULT_TIMEOUT_MS in js/driver.js");
    assert_eq!(timeout.1, i64::from(DEFAULT_TIMEOUT_MS));
    let defaults = [
        ("timeoutMs", DEFAULT_TIMEOUT_MS),
        ("maxAttempts", RetryPolicy::default().max_attempts),
    ];
    // "Default 15000", "@default 15000", "default: 15,000" in a line or doc
    // comment that names the member.
    let default = Regex::new(r"@?[Dd]efault(?:s to|:| is)?\s+`?(\d[\d,_]*)").unwrap();
    let mut found = BTreeSet::new();
    let mut sources = docs();
    sources.push(("js/index.d.ts".to_owned(), read("js/index.d.ts")));
    for (path, text) in &sources {
        // A d.ts member's doc comment ends just above it: read each comment with the member after it.
        let chunks: Vec<&str> = if path.ends_with(".d.ts") {
            text.split("*/").collect()
        } else {
            text.lines().collect()
        };
        for (i, chunk) in chunks.iter().enumerate() {
            for (member, value) in defaults {
                let names_it = if path.ends_with(".d.ts") {
                    chunks
                        .get(i + 1)
                        .is_some_and(|next| next.trim_start().starts_with(&format!("{member}?:")))
                } else {
                    chunk.contains(&format!("`{member}`"))
                };
                if !names_it {
                    continue;
                }
                for c in default.captures_iter(chunk) {
                    let n: u32 = c[1].replace([',', '_'], "").parse().unwrap();
                    assert_eq!(n, value, "{path}: the default of {member} is {value}, not {n}: {chunk}");
                    found.insert((path.clone(), member));
                }
            }
        }
    }
    for (member, _) in defaults {
        assert!(
            found.contains(&("js/index.d.ts".to_owned(), member)),
            "js/index.d.ts states {member}'s default"
        );
    }
}

#[test]
fn the_docs_state_the_body_cap_the_driver_is_given() {
    // "at most 262,144 bytes", "≤ 262,144 bytes", "the 262,144-byte cap", "256 KiB".
    let bytes = Regex::new(r"(?:at most|≤|up to|over|past) (\d[\d,]*) bytes|(\d[\d,]*)-byte cap").unwrap();
    let kib = Regex::new(r"(\d+) KiB").unwrap();
    let mut stated = 0;
    for (path, text) in docs() {
        for c in bytes.captures_iter(&text) {
            let n: u32 = c
                .get(1)
                .or(c.get(2))
                .unwrap()
                .as_str()
                .replace(',', "")
                .parse()
                .unwrap();
            assert_eq!(n, MAX_BODY_BYTES, "{path}: {}", &c[0]);
            stated += 1;
        }
        for c in kib.captures_iter(&text) {
            let n: u32 = c[1].parse().unwrap();
            assert_eq!(n * 1024, MAX_BODY_BYTES, "{path}: {}", &c[0]);
        }
    }
    assert!(stated > 0, "no document states the body cap");
}

/// The `name` of every error the core writes, besides the modeled ones.
fn core_error_names() -> BTreeSet<String> {
    let errors = [
        Error::Validation(ValidationError::new("x", Rule::Required)),
        Error::Network(String::new()),
        Error::Timeout(1),
        Error::Aborted,
        Error::SecretHashProvider(String::new()),
    ];
    let mut names: BTreeSet<String> = errors.iter().map(|e| error_name(e).to_owned()).collect();
    names.insert(ServiceErrorName::Unknown.as_str().to_owned());
    names
}

fn modeled_names() -> BTreeSet<String> {
    ServiceErrorName::MODELED
        .iter()
        .map(|n| n.as_str().to_owned())
        .collect()
}

/// The names of the errors the JavaScript side makes itself.
fn driver_error_names() -> BTreeSet<String> {
    let made = Regex::new(r#"failure\("([A-Za-z]+)"|\.name = "([A-Za-z]+)""#).unwrap();
    let mut names = BTreeSet::new();
    for file in ["js/driver.js", "js/bind.js"] {
        for c in made.captures_iter(&read(file)) {
            names.insert(c.get(1).or(c.get(2)).unwrap().as_str().to_owned());
        }
    }
    names
}

#[test]
fn typescript_names_every_error_and_no_other() {
    let dts = read("js/index.d.ts");
    let union = Regex::new(r"type CognitoErrorName =([^;]*);").unwrap();
    let listed: BTreeSet<String> = Regex::new(r#""([A-Za-z]+)""#)
        .unwrap()
        .captures_iter(&union.captures(&dts).expect("CognitoErrorName in js/index.d.ts")[1])
        .map(|c| c[1].to_owned())
        .collect();
    assert_eq!(
        listed,
        modeled_names(),
        "CognitoErrorName against ServiceErrorName::MODELED"
    );
    let declared: BTreeSet<String> = Regex::new(r#"\bname: "([A-Za-z]+)""#)
        .unwrap()
        .captures_iter(&dts)
        .map(|c| c[1].to_owned())
        .collect();
    let mut expected = core_error_names();
    expected.extend(driver_error_names());
    assert_eq!(
        declared, expected,
        "the error interfaces of js/index.d.ts against the names the core and the driver write"
    );
}

#[test]
fn the_docs_name_only_errors_that_exist() {
    let dts = read("js/index.d.ts");
    // Types of the package (`ConfirmSignUpError`, a union) and of the platform.
    let mut known: BTreeSet<String> = Regex::new(r"(?:type|interface|class) ([A-Z][A-Za-z]*)")
        .unwrap()
        .captures_iter(&dts)
        .map(|c| c[1].to_owned())
        .collect();
    for builtin in [
        "Error",
        "TypeError",
        "RangeError",
        "SyntaxError",
        "ReferenceError",
        "CompileError",
        "RuntimeError",
        "LinkError",
        "DOMException",
    ] {
        known.insert(builtin.to_owned());
    }
    known.extend(core_error_names());
    known.extend(driver_error_names());
    known.extend(modeled_names());
    let named = Regex::new(r"`([A-Z][A-Za-z]*(?:Error|Exception))`").unwrap();
    for (path, text) in docs() {
        for c in named.captures_iter(&text) {
            assert!(known.contains(&c[1]), "{path} names `{}`, which nothing throws", &c[1]);
        }
    }
}

#[test]
fn messages_both_sides_write_are_the_same() {
    let driver = read("js/driver.js");
    let aborted = Error::Aborted.message();
    assert!(
        driver.contains(&format!(r#"failure("{}", "{aborted}")"#, error_name(&Error::Aborted))),
        "js/driver.js rejects an abort before the core is asked with the core's message: {aborted}"
    );
}
