//! Confirm an Amazon Cognito user pool sign-up from a web page.
//!
//! The crate is a sans-IO core (validation, SecretHash, endpoint, request,
//! response and error parsing), plain Rust tested natively, and a thin browser
//! edge in [`web`] that reads JavaScript values, calls `fetch` and builds
//! JavaScript errors. Only the edge is compiled for `wasm32` alone, where the
//! crate is `no_std`: std's panic and formatting runtime would cost more
//! than all of the package's own code.

#![cfg_attr(all(target_arch = "wasm32", not(test)), no_std)]

extern crate alloc;

pub mod call;
pub mod error;
pub mod operations;
pub mod wire;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod web;

pub use error::{Error, ServiceError, ServiceErrorName};
pub use wire::validate::{Rule, ValidationError};
