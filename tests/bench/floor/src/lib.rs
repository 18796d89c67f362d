//! The async-export floor: what any Rust function that awaits `fetch` through
//! wasm-bindgen-futures costs, before it does any work of its own.
#![no_std]

extern crate alloc;

use alloc::string::String;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch(url: &str, init: &Object) -> Promise;
}

/// POSTs `body` to `url` and resolves to the answer's text.
#[wasm_bindgen]
pub async fn post(url: String, body: String) -> Result<JsValue, JsValue> {
    let init = Object::new();
    Reflect::set(&init, &"method".into(), &"POST".into())?;
    Reflect::set(&init, &"body".into(), &body.into())?;
    let response = JsFuture::from(fetch(&url, &init)).await?;
    let text: Function = Reflect::get(&response, &"text".into())?.unchecked_into();
    JsFuture::from(text.call0(&response)?.unchecked_into::<Promise>()).await
}
