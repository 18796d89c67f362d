//! A panic rejects the calls in flight, and the next call gets a fresh instance.
//!
//! With `panic = "abort"` a Rust panic traps the WebAssembly instance: the
//! promise of the call that panicked would never settle, and the instance's
//! memory may be half-updated. So every exported call runs through [`spawn`],
//! which keeps the `reject` of each unsettled promise. On a panic,
//! [`on_panic`] rejects them all with a `PanicError` and asks wasm-bindgen to
//! replace the instance, from the same compiled module, before the next export
//! call. The panic's own message is not kept: formatting it would cost more
//! bytes than it is worth to a user.

use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use core::future::Future;

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;

/// Module state for a single-threaded target.
struct Local<T>(T);

// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
unsafe impl<T> Sync for Local<T> {}

static IN_FLIGHT: Local<RefCell<Vec<(u32, Function)>>> = Local(RefCell::new(Vec::new()));
static NEXT_ID: Local<Cell<u32>> = Local(Cell::new(0));

/// Runs `future` and returns a promise of its result that a panic rejects.
pub fn spawn(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let id = NEXT_ID.0.get();
    NEXT_ID.0.set(id.wrapping_add(1));
    let mut settle = None;
    let promise = Promise::new(&mut |resolve, reject| {
        if let Ok(mut in_flight) = IN_FLIGHT.0.try_borrow_mut() {
            in_flight.push((id, reject.clone()));
        }
        settle = Some((resolve, reject));
    });
    wasm_bindgen_futures::spawn_local(async move {
        let result = future.await;
        if let Ok(mut in_flight) = IN_FLIGHT.0.try_borrow_mut() {
            in_flight.retain(|(i, _)| *i != id);
        }
        if let Some((resolve, reject)) = settle {
            let _ = match result {
                Ok(value) => resolve.call1(&JsValue::UNDEFINED, &value),
                Err(error) => reject.call1(&JsValue::UNDEFINED, &error),
            };
        }
    });
    promise
}

/// Rejects every call in flight and schedules a fresh instance.
#[cfg_attr(not(feature = "standalone"), allow(dead_code))]
pub fn on_panic() {
    let Ok(mut in_flight) = IN_FLIGHT.0.try_borrow_mut() else {
        return;
    };
    if in_flight.is_empty() {
        return;
    }
    let error = js_sys::Error::new(
        "cognito-confirm stopped this call because of a bug (a Rust panic); the next call starts afresh",
    );
    error.set_name("PanicError");
    for (_, reject) in in_flight.drain(..) {
        let _ = reject.call1(&JsValue::UNDEFINED, &error);
    }
    wasm_bindgen::handler::schedule_reinit();
}
