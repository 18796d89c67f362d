//! The browser edge: the module's one sync export, [`step`], for every
//! question of the JavaScript driver. After a trap, `js/abi.js` starts a
//! fresh instance itself.
//!
//! `js/driver.js` does the I/O of a call (`fetch`, timers, the caller's
//! `AbortSignal` and SecretHash provider, the page's threat-protection
//! script) and asks [`steps::prepare`] and [`steps::judge`], through
//! [`step`], what to do; [`crate::call::steps`] decides. Strings and numbers are the only values that cross: no futures,
//! closures, JavaScript objects or per-member `Reflect` calls, which is what
//! keeps this module small and each call cheap.
//!
//! The module imports nothing that runs page code: a JavaScript exception
//! unwinding its frames would skip the epilogues that restore wasm-bindgen's
//! shadow stack pointer, leaking stack until an out-of-bounds trap. So the
//! driver calls the page's `getData` and hands over what it gave, and the
//! backoff's random number comes in as an argument of [`step`] instead of
//! from `Math.random`. (This also keeps wasm-bindgen's table of JavaScript
//! objects and its exception glue out of the package: 0.7 kB.)
//!
//! A trap (a panic, or any other `WebAssembly.RuntimeError`) may leave the
//! instance broken. The export that was running throws, which the driver
//! reports as a `PanicError`, and then retires the instance: `js/abi.js`
//! starts a fresh one from the same compiled module before the next export
//! runs. Other calls keep their state in the driver, so they go on unharmed.
//!
//! The package calls [`step`] through `js/abi.js`, written for this one
//! export, not through wasm-bindgen's generated JavaScript (1.1 kB brotli
//! less); `tests/e2e/abi.test.mjs` holds the two to the same answers.

use alloc::string::String;

use wasm_bindgen::prelude::*;

use crate::call::arguments::Kind;
use crate::call::steps::code::*;
use crate::call::steps::{self, Outcome, Page};
use crate::wire::response::HttpResponse;

fn kind(n: u32) -> Kind {
    Kind::from_number(n).unwrap_or_else(|| bug())
}

/// A broken promise between the driver and this module: trap like a panic.
fn bug() -> ! {
    core::arch::wasm32::unreachable()
}

/// `steps::prepare` when `outcome` is `u32::MAX` (the driver's -1), else
/// `steps::judge`: one export, because each costs its own argument glue on
/// both sides of the boundary (0.26 kB brotli).
///
/// For `prepare`: `provided` is what the SecretHash provider returned;
/// `page` says what the driver knows of the page's threat-protection script
/// (0 none, 1 there is one, 2 its `getData` gave `body`: a string, or
/// nothing usable).
///
/// For `judge`: `outcome` is the HTTP status of an answer; below 100 a
/// failure: 0 network (`body` is the message), 1 timeout, 2 abort, 3 the
/// provider failed (`body` is its message), 4 a redirect (refused); 1000 plus
/// the status for an answer whose body passed the driver's cap (not read).
/// `random` is the driver's `Math.random()`, for the backoff's jitter.
///
/// Flat arguments on purpose: each crosses as a number or a string, where an
/// object would cost a `Reflect` read per member and JSON would re-escape the body.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn step(
    kind_number: u32,
    args: &str,
    provided: Option<String>,
    page: u32,
    state: u32,
    outcome: u32,
    error_type: Option<String>,
    request_id: Option<String>,
    body: Option<String>,
    random: f64,
) -> String {
    if outcome == OUTCOME_PREPARE {
        #[cfg(feature = "panic-probe")]
        probe(args);
        let page = match page {
            PAGE_NO_SCRIPT => Page::NoScript,
            PAGE_SCRIPT => Page::Script,
            PAGE_ASKED => Page::Asked(body.as_deref()),
            _ => bug(),
        };
        return answer(steps::prepare(
            Kind::from_number(kind_number),
            args,
            provided.as_deref(),
            page,
        ));
    }
    let body = body.as_deref().unwrap_or_default();
    let outcome = match outcome {
        OUTCOME_NETWORK => Outcome::Network(body),
        OUTCOME_TIMEOUT => Outcome::Timeout,
        OUTCOME_ABORTED => Outcome::Aborted,
        OUTCOME_PROVIDER_FAILED => Outcome::ProviderFailed(body),
        OUTCOME_REDIRECTED => Outcome::Redirected,
        OUTCOME_TOO_LARGE.. => Outcome::TooLarge {
            status: (outcome - OUTCOME_TOO_LARGE).min(999) as u16,
            request_id: request_id.as_deref(),
        },
        status => Outcome::Response(HttpResponse {
            status: status.min(999) as u16,
            error_type_header: error_type.as_deref(),
            request_id: request_id.as_deref(),
            body,
        }),
    };
    answer(steps::judge(
        kind(kind_number),
        args,
        provided.as_deref(),
        state,
        random,
        outcome,
    ))
}

/// The probes of `tests/e2e/panic.test.mjs`: a panic, and a trap that is no
/// panic and leaves the instance broken (every later export traps too, until
/// the instance is replaced).
#[cfg(feature = "panic-probe")]
fn probe(args: &str) {
    use core::sync::atomic::{AtomicBool, Ordering};
    static BROKEN: AtomicBool = AtomicBool::new(false);
    if BROKEN.load(Ordering::Relaxed) {
        core::arch::wasm32::unreachable();
    }
    if crate::wire::text::find(args, "\"__panicProbe\"").is_some() {
        panic!("the panic probe was called");
    }
    if crate::wire::text::find(args, "\"__trapProbe\"").is_some() {
        BROKEN.store(true, Ordering::Relaxed);
        core::arch::wasm32::unreachable();
    }
}

#[cfg(feature = "standalone")]
mod heap;

#[cfg(feature = "standalone")]
#[global_allocator]
static ALLOCATOR: heap::Bump = heap::Bump::new();

/// The end of an export: with the package's own allocator, the next
/// allocation starts over (`heap`).
fn answer(text: String) -> String {
    #[cfg(feature = "standalone")]
    return heap::spent(text);
    #[cfg(not(feature = "standalone"))]
    text
}

#[cfg(feature = "standalone")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    bug()
}
