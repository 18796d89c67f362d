//! Where the request goes: AWS's endpoint rules for `cognito-idp`, or an
//! endpoint the caller names (an emulator, a proxy).
//!
//! The rules follow the service's published endpoint rule set and AWS's
//! partition table (botocore 1.44.8; `tests/data/endpoint_rule_set.json` and
//! `partitions.json`, which `tests/endpoints.rs` evaluates for every partition,
//! FIPS and dual stack): the partition comes from the region's name, FIPS and
//! dual stack pick the host form, and a handful of regions have their own FIPS
//! dual-stack host. Every partition supports both FIPS and dual stack. A
//! custom endpoint must be `https`, except on loopback, where `http` is
//! allowed for local emulators: anywhere else plain http would hand the
//! confirmation code (and the SecretHash) to whoever is on the network.

use alloc::string::String;

use crate::wire::text::{concat, parse_u32, rsplit_once, split_once};
use crate::wire::validate::{Rule, ValidationError};

/// How to reach Cognito.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndpointConfig<'a> {
    pub region: &'a str,
    pub use_fips: bool,
    pub use_dual_stack: bool,
    /// A full URL that replaces the AWS endpoint.
    pub custom: Option<&'a str>,
}

/// The partitions after `aws`: the `{x}` of its pseudo region `aws-{x}-global`
/// (`aws-eusc` has none), the region prefix (its regions are
/// `{prefix}-{word}-{digits}`), the DNS suffix and the dual-stack DNS suffix.
type Partition = (Option<&'static str>, &'static str, &'static str, &'static str);

const PARTITIONS: [Partition; 7] = [
    (Some("cn"), "cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn"),
    (None, "eusc-de", "amazonaws.eu", "api.amazonwebservices.eu"),
    (Some("iso"), "us-iso", "c2s.ic.gov", "api.aws.ic.gov"),
    (Some("iso-b"), "us-isob", "sc2s.sgov.gov", "api.aws.scloud"),
    (Some("iso-e"), "eu-isoe", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk"),
    (Some("iso-f"), "us-isof", "csp.hci.ic.gov", "api.aws.hci.ic.gov"),
    (Some("us-gov"), "us-gov", "amazonaws.com", "api.aws"),
];

/// `(dns suffix, dual-stack dns suffix, is the aws partition)` for a region.
/// As AWS's partition function: a partition's own `aws-{id}-global` pseudo
/// region, then its region pattern; anything else is in `aws`.
fn partition(region: &str) -> (&'static str, &'static str, bool) {
    // `{prefix}-{word}-{digits}`; the region is already lower-case letters, digits and `-`.
    let prefix = rsplit_once(region, b'-')
        .filter(|(_, digits)| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|(rest, _)| rsplit_once(rest, b'-'))
        .filter(|(_, word)| !word.is_empty())
        .map(|(prefix, _)| prefix);
    let global = region.strip_prefix("aws-").and_then(|r| r.strip_suffix("-global"));
    PARTITIONS
        .iter()
        .find(|(id, p, ..)| (id.is_some() && global == *id) || prefix == Some(*p))
        .map_or(("amazonaws.com", "api.aws", true), |&(_, _, dns, dual)| {
            (dns, dual, false)
        })
}

/// The URL to POST to.
pub fn resolve(config: &EndpointConfig<'_>) -> Result<String, ValidationError> {
    if let Some(custom) = config.custom {
        if config.use_fips {
            return Err(ValidationError::new("useFips", Rule::Conflicts("endpoint")));
        }
        if config.use_dual_stack {
            return Err(ValidationError::new("useDualStack", Rule::Conflicts("endpoint")));
        }
        return custom_endpoint(custom);
    }
    let region = config.region;
    let (dns_suffix, dual_stack_dns_suffix, is_aws) = partition(region);
    let service = if config.use_fips {
        "https://cognito-idp-fips."
    } else {
        "https://cognito-idp."
    };
    let suffix = if config.use_dual_stack {
        // A few regions' dual-stack hosts keep the plain DNS suffix.
        let own_host = if config.use_fips {
            matches!(region, "us-east-1" | "us-east-2" | "us-west-1" | "us-west-2")
        } else {
            is_aws
        };
        if own_host {
            "amazonaws.com"
        } else {
            dual_stack_dns_suffix
        }
    } else {
        dns_suffix
    };
    Ok(concat(&[service, region, ".", suffix, "/"]))
}

const URL_FORM: &str = "an https URL (http only for localhost, 127.0.0.0/8 or [::1]) with a host, no user name or password, no query or fragment";

fn custom_endpoint(url: &str) -> Result<String, ValidationError> {
    checked_url(url).ok_or_else(|| ValidationError::new("endpoint", Rule::Format(URL_FORM)))
}

/// The URL with its scheme in lower case and a path (`/` when it has none),
/// or `None` when it breaks [`URL_FORM`]. One pass over bytes: iterator
/// adaptors and string searching cost a kilobyte here.
fn checked_url(url: &str) -> Option<String> {
    let bytes = url.as_bytes();
    if bytes
        .iter()
        .any(|&b| b <= b' ' || b >= 0x7f || matches!(b, b'?' | b'#' | b'@' | b'\\'))
    {
        return None;
    }
    let (scheme, rest) = split_once(url, b':')?;
    let rest = rest.strip_prefix("//")?;
    let secure = if scheme.eq_ignore_ascii_case("https") {
        true
    } else if scheme.eq_ignore_ascii_case("http") {
        false
    } else {
        return None;
    };
    let authority = split_once(rest, b'/').map_or(rest, |(authority, _)| authority);
    let path = rest.get(authority.len()..).filter(|p| !p.is_empty()).unwrap_or("/");
    // The host ends at `]` for `[v6]`, else at the last `:`; a port follows that `:`.
    let host_end = match authority.as_bytes().first() {
        Some(b'[') => split_once(authority, b']')?.0.len() + 1,
        _ => split_once(authority, b':').map_or(authority.len(), |(host, _)| host.len()),
    };
    let (host, port) = (authority.get(..host_end)?, authority.get(host_end..)?);
    if !port.is_empty()
        && port
            .strip_prefix(':')
            .and_then(parse_u32)
            .filter(|p| (1..=65_535).contains(p))
            .is_none()
    {
        return None;
    }
    if !valid_host(host.as_bytes()) || (!secure && !is_loopback(host)) {
        return None;
    }
    Some(concat(&[if secure { "https://" } else { "http://" }, authority, path]))
}

/// A bracketed IPv6 address, or DNS labels of ASCII letters, digits and `-`
/// (1 to 63 each, no `-` at either end, 253 in all).
fn valid_host(host: &[u8]) -> bool {
    if let [b'[', v6 @ .., b']'] = host {
        return !v6.is_empty() && v6.iter().all(|&b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    let mut label = 0;
    let mut last = b'.';
    for &b in host {
        if b == b'.' {
            if label == 0 || last == b'-' {
                return false;
            }
            label = 0;
        } else if b.is_ascii_alphanumeric() || (b == b'-' && label > 0) {
            label += 1;
            if label > 63 {
                return false;
            }
        } else {
            return false;
        }
        last = b;
    }
    label > 0 && last != b'-' && host.len() <= 253
}

/// `localhost`, a name under `.localhost`, `[::1]` or `127.0.0.0/8`, for a
/// host [`valid_host`] accepted.
fn is_loopback(host: &str) -> bool {
    let lower = |s: &str, t: &str| s.eq_ignore_ascii_case(t);
    let tail = host.len().checked_sub(10).and_then(|i| host.get(i..));
    if lower(host, "localhost") || tail.is_some_and(|t| lower(t, ".localhost")) || host == "[::1]" {
        return true;
    }
    let Some(octets) = host.strip_prefix("127.") else {
        return false;
    };
    let mut count = 0;
    let mut rest = octets;
    loop {
        let (octet, after) = split_once(rest, b'.').unwrap_or((rest, ""));
        if octet.len() > 3 || !matches!(parse_u32(octet), Some(n) if n <= 255) {
            return false;
        }
        count += 1;
        if after.is_empty() {
            return count == 3 && !rest.ends_with('.');
        }
        rest = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aws(region: &str, use_fips: bool, use_dual_stack: bool) -> Result<String, ValidationError> {
        resolve(&EndpointConfig {
            region,
            use_fips,
            use_dual_stack,
            custom: None,
        })
    }

    fn custom(url: &str) -> Result<String, ValidationError> {
        resolve(&EndpointConfig {
            region: "us-east-1",
            use_fips: false,
            use_dual_stack: false,
            custom: Some(url),
        })
    }

    #[test]
    fn standard_endpoints() {
        assert_eq!(
            aws("eu-west-1", false, false).unwrap(),
            "https://cognito-idp.eu-west-1.amazonaws.com/"
        );
        assert_eq!(
            aws("cn-north-1", false, false).unwrap(),
            "https://cognito-idp.cn-north-1.amazonaws.com.cn/"
        );
        assert_eq!(
            aws("us-iso-east-1", true, false).unwrap(),
            "https://cognito-idp-fips.us-iso-east-1.c2s.ic.gov/"
        );
        assert_eq!(
            aws("us-isob-east-1", false, false).unwrap(),
            "https://cognito-idp.us-isob-east-1.sc2s.sgov.gov/"
        );
    }

    #[test]
    fn us_fips_dual_stack_regions_keep_their_own_host() {
        for region in ["us-east-1", "us-east-2", "us-west-1", "us-west-2"] {
            assert_eq!(
                aws(region, true, true).unwrap(),
                format!("https://cognito-idp-fips.{region}.amazonaws.com/")
            );
        }
    }

    #[test]
    fn iso_partitions_have_dual_stack() {
        assert_eq!(
            aws("us-iso-east-1", false, true).unwrap(),
            "https://cognito-idp.us-iso-east-1.api.aws.ic.gov/"
        );
        assert_eq!(
            aws("eu-isoe-west-1", true, true).unwrap(),
            "https://cognito-idp-fips.eu-isoe-west-1.api.cloud-aws.adc-e.uk/"
        );
    }

    #[test]
    fn custom_endpoints() {
        assert_eq!(
            custom("https://proxy.example.com").unwrap(),
            "https://proxy.example.com/"
        );
        assert_eq!(
            custom("https://proxy.example.com:8443/cognito/").unwrap(),
            "https://proxy.example.com:8443/cognito/"
        );
        assert_eq!(custom("http://127.0.0.1:9229").unwrap(), "http://127.0.0.1:9229/");
        assert_eq!(custom("http://127.1.2.3:9229/").unwrap(), "http://127.1.2.3:9229/");
        assert_eq!(custom("HTTP://localhost:9229").unwrap(), "http://localhost:9229/");
        assert_eq!(custom("http://cognito.localhost").unwrap(), "http://cognito.localhost/");
        assert_eq!(custom("http://[::1]:9229/x").unwrap(), "http://[::1]:9229/x");
        assert_eq!(custom("https://[2001:db8::1]").unwrap(), "https://[2001:db8::1]/");
    }

    #[test]
    fn plain_http_only_on_loopback() {
        for bad in [
            "http://example.com",
            "http://10.0.0.1:9229",
            "http://127.0.0.1.example.com",
            "http://localhost.example.com",
            "http://[::2]",
            "http://128.0.0.1",
            "http://127.0.0.256",
        ] {
            assert_eq!(custom(bad).unwrap_err().field, "endpoint", "{bad}");
        }
    }

    #[test]
    fn malformed_custom_endpoints() {
        for bad in [
            "",
            "example.com",
            "ftp://example.com",
            "https://",
            "https://:443",
            "https://user:pw@example.com",
            "https://example.com?x=1",
            "https://example.com/#f",
            "https://exa mple.com",
            "https://example.com:0",
            "https://example.com:99999",
            "https://example.com:",
            "https://exämple.com",
            "https://-bad-.com",
            "https://a..b",
            "https://[::1",
        ] {
            assert!(custom(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn fips_and_dual_stack_conflict_with_a_custom_endpoint() {
        let fips = resolve(&EndpointConfig {
            region: "us-east-1",
            use_fips: true,
            use_dual_stack: false,
            custom: Some("https://x.example"),
        });
        assert_eq!(fips.unwrap_err().rule, Rule::Conflicts("endpoint"));
        let dual = resolve(&EndpointConfig {
            region: "us-east-1",
            use_fips: false,
            use_dual_stack: true,
            custom: Some("https://x.example"),
        });
        assert_eq!(dual.unwrap_err().field, "useDualStack");
    }
}
