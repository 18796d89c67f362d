//! A panic rejects the calls in flight, and the next call gets a fresh instance.
//!
//! With `panic = "abort"` a Rust panic traps the WebAssembly instance: the
//! promise of the call that panicked would never settle, and the instance's
//! memory may be half-updated. So every exported call runs through [`spawn`],
//! which keeps the `reject` of each unsettled promise. The panic hook rejects
//! them all with a `PanicError` and asks wasm-bindgen to replace the instance
//! before the next export call, from the same compiled module. A panic hook
//! the page installed before (console_error_panic_hook, say) still runs.

use std::cell::RefCell;
use std::future::Future;

use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;

thread_local! {
    static IN_FLIGHT: RefCell<Vec<(u32, Function)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn install_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let error = js_sys::Error::new(&format!(
                "cognito-confirm stopped this call because of a bug ({info}); the next call starts afresh"
            ));
            error.set_name("PanicError");
            let rejects: Vec<(u32, Function)> =
                IN_FLIGHT.with(|f| f.try_borrow_mut().map(|mut f| f.drain(..).collect()).unwrap_or_default());
            if !rejects.is_empty() {
                for (_, reject) in rejects {
                    let _ = reject.call1(&JsValue::UNDEFINED, &error);
                }
                wasm_bindgen::handler::schedule_reinit();
            }
            previous(info);
        }));
    });
}

/// Runs `future` and returns a promise of its result that a panic rejects.
pub fn spawn(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    install_hook();
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let mut settle = None;
    let promise = Promise::new(&mut |resolve, reject| {
        IN_FLIGHT.with(|f| f.borrow_mut().push((id, reject.clone())));
        settle = Some((resolve, reject));
    });
    let (resolve, reject) = settle.expect("the Promise executor runs at once");
    wasm_bindgen_futures::spawn_local(async move {
        let result = future.await;
        IN_FLIGHT.with(|f| f.borrow_mut().retain(|(i, _)| *i != id));
        let _ = match result {
            Ok(value) => resolve.call1(&JsValue::UNDEFINED, &value),
            Err(error) => reject.call1(&JsValue::UNDEFINED, &error),
        };
    });
    promise
}
