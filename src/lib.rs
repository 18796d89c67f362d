//! The Rust core of the npm package `cognito-confirm`: the sign-up flow of an
//! Amazon Cognito user pool (`signUp`, `confirmSignUp`, `resendSignUpCode`,
//! `autoSignIn`, `buildRequest`) for a web page, compiled to WebAssembly.
//!
//! **Not a Rust library.** The crate is not published (`publish = false`):
//! its API is the JavaScript one, described in `js/index.d.ts` and `docs/`.
//! Its modules are private; [`internals`] (hidden from these docs) exposes by
//! name what the native tests and the fuzz targets reach into, and nothing
//! promises that it stays the same.
//!
//! The layers, each a folder:
//!
//! - `wire/`: the wire and its rules (JSON, text, validation against the API
//!   model, endpoint, SecretHash, the HTTP request and the answer's parsing);
//! - `call/`: the call machinery (reading the driver's arguments, the two
//!   steps the driver asks for, retries, what a call settles with);
//! - `operations/`: one file per operation (its input, rules, body and result);
//! - `web/`: the browser edge, the one export `step` the JavaScript driver
//!   (`js/driver.js`) calls; the driver does all I/O.
//!
//! Everything but `web/` is sans-IO and tested natively with `cargo test`.
//! Compiled for `wasm32` alone, the crate is `no_std`: std's panic and
//! formatting runtime would cost more than all of the package's own code.

#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]
// The docs are for contributors, built with `--document-private-items`
// (`make doc`), where a link into a private module resolves.
#![allow(rustdoc::private_intra_doc_links)]

extern crate alloc;

mod call;
mod error;
mod operations;
mod wire;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;

/// Lets go of a value built during an export without running its drop glue,
/// where the package's bump allocator (`web/heap.rs`) frees nothing before
/// the export returns: walking a parsed JSON tree to free each string is
/// dead work there. Elsewhere (the native tests, the fuzz targets) it drops.
/// The allocator's empty `dealloc` is not visible to LLVM (the allocator
/// shim is outside LTO), so without this the walks stay in the module.
#[inline(always)]
pub(crate) fn discard<T>(value: T) {
    #[cfg(all(target_arch = "wasm32", feature = "standalone"))]
    core::mem::forget(value);
    #[cfg(not(all(target_arch = "wasm32", feature = "standalone")))]
    drop(value);
}

/// What the native tests (`tests/*.rs`) and the fuzz targets (`tests/fuzz/`)
/// use, by name. Not an API: anything here may change with any commit.
#[doc(hidden)]
pub mod internals {
    pub use crate::call::arguments::Kind;
    pub use crate::call::arguments::DEFAULT_TIMEOUT_MS;
    pub use crate::call::retry::RetryPolicy;
    pub use crate::call::settle::error_name;
    pub use crate::call::steps::{code, judge, prepare, Outcome, Page, MAX_BODY_BYTES, MAX_PAGE_DATA};
    pub use crate::error::Error;
    pub use crate::error::{ServiceErrorName, MAX_TEXT_CHARS};
    pub use crate::operations::auto_sign_in::AutoSignIn;
    pub use crate::operations::confirm_sign_up::ConfirmSignUp;
    pub use crate::operations::sign_up::{Attributes, SignUp};
    pub use crate::operations::Sensitive;
    pub use crate::operations::{Operation, UserCall, UserContextData};
    pub use crate::wire::endpoint::{resolve, EndpointConfig};
    pub use crate::wire::json::{self, Value};
    pub use crate::wire::response::HttpResponse;
    pub use crate::wire::secret_hash::{ClientSecret, SecretHash};
    pub use crate::wire::validate;
    pub use crate::wire::validate::{Rule, ValidationError};
}
