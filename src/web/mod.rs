//! The browser edge: two sync exports for the JavaScript driver, and the page.
//!
//! `js/driver.js` does the I/O of a call (`fetch`, timers, the caller's
//! `AbortSignal` and SecretHash provider) and asks [`prepare`] and [`judge`]
//! what to do; [`crate::steps`] decides. Strings are the only values that
//! cross: no futures, closures or per-member `Reflect` calls, which is what
//! keeps this module small and each call cheap. Reading Cognito's
//! threat-protection script on the page happens here, during `prepare`.
//!
//! A panic traps the instance. The export that was running throws a
//! `WebAssembly.RuntimeError`, which the driver reports as a `PanicError`;
//! the handler below asks wasm-bindgen to start a fresh instance, from the
//! same compiled module, before the next export runs. Other calls keep their
//! state in the driver, so they go on unharmed.

mod context_data;

pub use context_data::SecurityData;

use alloc::string::String;

use wasm_bindgen::prelude::*;

use crate::arguments::Kind;
use crate::response::HttpResponse;
use crate::steps::{self, Outcome};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Math)]
    fn random() -> f64;
}

fn kind(n: u32) -> Kind {
    Kind::from_number(n).unwrap_or_else(|| bug())
}

/// A broken promise between the driver and this module: trap like a panic.
fn bug() -> ! {
    wasm_bindgen::handler::schedule_reinit();
    core::arch::wasm32::unreachable()
}

/// `steps::prepare`. `provided` is what the SecretHash provider returned;
/// `script` is the page's `AmazonCognitoAdvancedSecurityData`, if any.
#[wasm_bindgen(skip_typescript)]
pub fn prepare(kind_number: u32, args: &str, provided: Option<String>, script: Option<SecurityData>) -> String {
    #[cfg(feature = "panic-probe")]
    if crate::text::find(args, "\"__panicProbe\"").is_some() {
        panic!("the panic probe was called");
    }
    let collect = |username: &str, pool: &str, client: &str| {
        script
            .as_ref()
            .and_then(|s| context_data::collect(s, username, pool, client))
    };
    steps::prepare(Kind::from_number(kind_number), args, provided.as_deref(), &collect)
}

/// `steps::judge`. `outcome` is the HTTP status of an answer, or below 100 a
/// failure: 0 network (`body` is the message), 1 timeout, 2 abort, 3 the
/// provider failed (`body` is its message).
///
/// Flat arguments on purpose: each crosses as a number or a string, where an
/// object would cost a `Reflect` read per member and JSON would re-escape the body.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(skip_typescript)]
pub fn judge(
    kind_number: u32,
    args: &str,
    provided: Option<String>,
    state: u32,
    outcome: u32,
    error_type: Option<String>,
    request_id: Option<String>,
    body: &str,
) -> String {
    let outcome = match outcome {
        0 => Outcome::Network(body),
        1 => Outcome::Timeout,
        2 => Outcome::Aborted,
        3 => Outcome::ProviderFailed(body),
        status => Outcome::Response(HttpResponse {
            status: status.min(999) as u16,
            error_type_header: error_type.as_deref(),
            request_id: request_id.as_deref(),
            body,
        }),
    };
    steps::judge(kind(kind_number), args, provided.as_deref(), state, random(), outcome)
}

#[cfg(feature = "standalone")]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(feature = "standalone")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    bug()
}
