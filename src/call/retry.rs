//! When to try a call again, and when a retry's failure is really a success.
//!
//! Only failures that say nothing about the user's input are retried: the
//! network, a timeout, a 5xx, `InternalErrorException` and
//! `TooManyRequestsException`. Every other Cognito error is an answer about
//! the code or the user, and asking again would spend one of the user's
//! limited attempts (`LimitExceededException` on this call means exactly that
//! the attempts are used up). Waits use full-jitter exponential backoff.
//!
//! A network failure, timeout or 5xx may have happened after Cognito acted on
//! the request. When a retry then answers that there is nothing left to do
//! (for ConfirmSignUp: the user is already confirmed), the first attempt
//! succeeded, and [`Decision::Recovered`] says so.

use crate::error::{Error, ServiceError, ServiceErrorName};

/// How many attempts, and how long to wait between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 disables retries.
    pub max_attempts: u32,
    /// The cap of the first wait; it doubles for each further attempt.
    pub base_delay_ms: u32,
    /// No wait is longer than this.
    pub max_delay_ms: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay_ms: 200,
            max_delay_ms: 5_000,
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then send the same request again.
    Retry { delay_ms: u32 },
    /// The failure is the outcome.
    Fail,
    /// An earlier attempt that may have reached Cognito did the work.
    Recovered,
}

/// The service errors that are worth another attempt.
fn is_transient(e: &ServiceError) -> bool {
    match e.name {
        ServiceErrorName::InternalError | ServiceErrorName::TooManyRequests => true,
        // A modeled client error is an answer, whatever status carried it.
        // A 2xx that is no valid answer (a truncated body, say) is a lost one.
        ServiceErrorName::Unknown => e.status >= 500 || is_2xx(e.status),
        _ => false,
    }
}

fn is_2xx(status: u16) -> bool {
    (200..300).contains(&status)
}

/// Whether the failed attempt may have been carried out by Cognito.
fn may_have_reached_cognito(e: &Error) -> bool {
    match e {
        Error::Network(_) | Error::Timeout(_) => true,
        Error::Service(s) => {
            s.status >= 500
                || s.name == ServiceErrorName::InternalError
                || (s.name == ServiceErrorName::Unknown && is_2xx(s.status))
        }
        _ => false,
    }
}

/// The attempts of one call.
#[derive(Debug, Clone)]
pub struct Attempts {
    policy: RetryPolicy,
    made: u32,
    ambiguous: bool,
}

impl Attempts {
    /// Whether an attempt so far failed in a way that may have reached Cognito.
    pub fn ambiguous(&self) -> bool {
        self.ambiguous
    }

    /// The attempts as one number, for a driver that keeps them between steps.
    pub fn state(&self) -> u32 {
        self.made << 1 | u32::from(self.ambiguous)
    }

    /// The attempts that [`Attempts::state`] described.
    pub fn resume(policy: RetryPolicy, state: u32) -> Self {
        Attempts {
            policy,
            made: state >> 1,
            ambiguous: state & 1 == 1,
        }
    }

    /// Judges a failed attempt. `random` is uniform in `[0, 1)`; `done_already`
    /// tells whether a service error means the operation's work is already done.
    pub fn after_failure(
        &mut self,
        error: &Error,
        random: f64,
        done_already: impl Fn(&ServiceError) -> bool,
    ) -> Decision {
        self.made += 1;
        if let Error::Service(s) = error {
            if self.ambiguous && done_already(s) {
                return Decision::Recovered;
            }
        }
        self.ambiguous |= may_have_reached_cognito(error);
        let transient = match error {
            Error::Network(_) | Error::Timeout(_) => true,
            Error::Service(s) => is_transient(s),
            Error::Validation(_) | Error::Aborted | Error::SecretHashProvider(_) => false,
        };
        if !transient || self.made >= self.policy.max_attempts {
            return Decision::Fail;
        }
        Decision::Retry {
            delay_ms: self.backoff(random),
        }
    }

    /// Full jitter: uniform in `[0, min(max, base * 2^(n-1))]` after the n-th failure.
    fn backoff(&self, random: f64) -> u32 {
        let exp = self.made.saturating_sub(1).min(20);
        let cap = self
            .policy
            .base_delay_ms
            .saturating_mul(1 << exp)
            .min(self.policy.max_delay_ms);
        let r = if random.is_finite() {
            random.clamp(0.0, 1.0)
        } else {
            0.0
        };
        (f64::from(cap) * r) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Attempts {
        fn new(policy: RetryPolicy) -> Self {
            Attempts::resume(policy, 0)
        }

        /// How many attempts have failed so far.
        fn made(&self) -> u32 {
            self.made
        }
    }

    fn service(name: ServiceErrorName, status: u16, message: &str) -> Error {
        Error::from(ServiceError {
            name,
            error_type: None,
            message: message.into(),
            status,
            request_id: None,
        })
    }

    fn never(_: &ServiceError) -> bool {
        false
    }

    fn confirmed(e: &ServiceError) -> bool {
        e.message.contains("CONFIRMED")
    }

    #[test]
    fn transient_failures_are_retried_up_to_the_limit() {
        for error in [
            Error::Network("reset".into()),
            Error::Timeout(100),
            service(ServiceErrorName::Unknown, 502, "bad gateway"),
            service(ServiceErrorName::Unknown, 503, ""),
            service(ServiceErrorName::InternalError, 500, ""),
            service(ServiceErrorName::TooManyRequests, 400, ""),
        ] {
            let mut a = Attempts::new(RetryPolicy::default());
            assert!(
                matches!(a.after_failure(&error, 0.5, never), Decision::Retry { .. }),
                "{error:?}"
            );
            assert!(
                matches!(a.after_failure(&error, 0.5, never), Decision::Retry { .. }),
                "{error:?}"
            );
            assert_eq!(a.after_failure(&error, 0.5, never), Decision::Fail, "{error:?}");
            assert_eq!(a.made(), 3);
        }
    }

    #[test]
    fn answers_about_the_code_or_user_are_never_retried() {
        for name in [
            ServiceErrorName::LimitExceeded,
            ServiceErrorName::CodeMismatch,
            ServiceErrorName::ExpiredCode,
            ServiceErrorName::TooManyFailedAttempts,
            ServiceErrorName::NotAuthorized,
            ServiceErrorName::UserNotFound,
            ServiceErrorName::InvalidParameter,
            ServiceErrorName::Forbidden,
        ] {
            for status in [400, 403, 500] {
                let mut a = Attempts::new(RetryPolicy::default());
                assert_eq!(
                    a.after_failure(&service(name, status, ""), 0.5, never),
                    Decision::Fail,
                    "{name:?} {status}"
                );
            }
        }
        let mut a = Attempts::new(RetryPolicy::default());
        assert_eq!(
            a.after_failure(&service(ServiceErrorName::Unknown, 400, ""), 0.5, never),
            Decision::Fail
        );
        for local in [Error::Aborted, Error::SecretHashProvider("x".into())] {
            assert_eq!(
                Attempts::new(RetryPolicy::default()).after_failure(&local, 0.5, never),
                Decision::Fail
            );
        }
    }

    #[test]
    fn one_attempt_disables_retries() {
        let mut a = Attempts::new(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        });
        assert_eq!(a.after_failure(&Error::Timeout(1), 0.5, never), Decision::Fail);
    }

    #[test]
    fn backoff_is_full_jitter_under_a_doubling_cap() {
        let policy = RetryPolicy {
            max_attempts: 10,
            base_delay_ms: 100,
            max_delay_ms: 1_000,
        };
        let mut a = Attempts::new(policy);
        let delays: Vec<u32> = (0..6)
            .map(
                |_| match a.after_failure(&Error::Network(String::new()), 0.999_999, never) {
                    Decision::Retry { delay_ms } => delay_ms,
                    other => panic!("{other:?}"),
                },
            )
            .collect();
        assert_eq!(delays, [99, 199, 399, 799, 999, 999]);
        let mut a = Attempts::new(policy);
        assert_eq!(
            a.after_failure(&Error::Network(String::new()), 0.0, never),
            Decision::Retry { delay_ms: 0 }
        );
        assert_eq!(
            a.after_failure(&Error::Network(String::new()), f64::NAN, never),
            Decision::Retry { delay_ms: 0 }
        );
    }

    #[test]
    fn state_carries_the_count_and_the_ambiguity() {
        let mut a = Attempts::new(RetryPolicy::default());
        assert_eq!(a.state(), 0);
        a.after_failure(&Error::Timeout(5), 0.5, never);
        let state = a.state();
        assert_eq!(state, 3);
        let mut resumed = Attempts::resume(RetryPolicy::default(), state);
        assert_eq!(resumed.made(), 1);
        let done = |_: &ServiceError| true;
        let refused = service(ServiceErrorName::NotAuthorized, 400, "Current status is CONFIRMED");
        assert_eq!(resumed.after_failure(&refused, 0.5, done), Decision::Recovered);
        let mut fresh = Attempts::resume(RetryPolicy::default(), 2);
        assert_eq!(fresh.after_failure(&refused, 0.5, done), Decision::Fail);
    }

    #[test]
    fn done_already_after_an_ambiguous_attempt_is_a_recovery() {
        let already = service(
            ServiceErrorName::NotAuthorized,
            400,
            "User cannot be confirmed. Current status is CONFIRMED",
        );
        for first in [
            Error::Network("reset".into()),
            Error::Timeout(1),
            service(ServiceErrorName::Unknown, 503, ""),
        ] {
            let mut a = Attempts::new(RetryPolicy::default());
            assert!(matches!(
                a.after_failure(&first, 0.1, confirmed),
                Decision::Retry { .. }
            ));
            assert_eq!(
                a.after_failure(&already, 0.1, confirmed),
                Decision::Recovered,
                "after {first:?}"
            );
        }
    }

    #[test]
    fn done_already_without_an_ambiguous_attempt_stays_an_error() {
        let already = service(
            ServiceErrorName::NotAuthorized,
            400,
            "User cannot be confirmed. Current status is CONFIRMED",
        );
        let mut a = Attempts::new(RetryPolicy::default());
        assert_eq!(a.after_failure(&already, 0.1, confirmed), Decision::Fail);
        // Throttling is answered before any work is done: it does not make a later answer ambiguous.
        let mut a = Attempts::new(RetryPolicy::default());
        assert!(matches!(
            a.after_failure(&service(ServiceErrorName::TooManyRequests, 400, ""), 0.1, confirmed),
            Decision::Retry { .. }
        ));
        assert_eq!(a.after_failure(&already, 0.1, confirmed), Decision::Fail);
    }
}
