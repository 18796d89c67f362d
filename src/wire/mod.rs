//! The wire and its rules: what Cognito's API model says, with no I/O.
//!
//! [`json`] reads and writes the JSON, [`text`] holds the few string helpers
//! a `no_std` build lacks, [`validate`] checks input against the model,
//! [`endpoint`] picks the URL, [`secret_hash`] computes the SecretHash,
//! [`request`] is the HTTP request of one call and [`response`] turns an
//! answer into the output object or a service error.

pub mod endpoint;
pub mod json;
pub mod request;
pub mod response;
pub mod secret_hash;
pub mod text;
pub mod validate;
