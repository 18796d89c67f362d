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

use crate::text::{concat, parse_u32, rsplit_once, split_once};
use crate::validate::{Rule, ValidationError};

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
    let bad = || ValidationError::new("endpoint", Rule::Format(URL_FORM));
    if url.bytes().any(|b| b <= b' ' || b >= 0x7f || b"?#@\\".contains(&b)) {
        return Err(bad());
    }
    let (scheme, rest) = split_once(url, b':').ok_or_else(bad)?;
    let rest = rest.strip_prefix("//").ok_or_else(bad)?;
    let secure = if scheme.eq_ignore_ascii_case("https") {
        true
    } else if scheme.eq_ignore_ascii_case("http") {
        false
    } else {
        return Err(bad());
    };
    let (authority, path) = match split_once(rest, b'/') {
        Some((authority, _)) => (authority, rest.get(authority.len()..).unwrap_or("/")),
        None => (rest, "/"),
    };
    let (host, port) = split_host_port(authority).ok_or_else(bad)?;
    if port.is_some_and(|p| number(p, 1, 65_535).is_none()) {
        return Err(bad());
    }
    if !valid_host(host) || (!secure && !is_loopback(host)) {
        return Err(bad());
    }
    Ok(concat(&[if secure { "https://" } else { "http://" }, authority, path]))
}

/// A decimal number from `min` to `max`, digits only.
fn number(s: &str, min: u32, max: u32) -> Option<u32> {
    parse_u32(s).filter(|n| (min..=max).contains(n))
}

/// `[v6]:port`, `[v6]`, `host:port` or `host`.
fn split_host_port(authority: &str) -> Option<(&str, Option<&str>)> {
    if authority.starts_with('[') {
        let (v6, after) = split_once(authority, b']')?;
        let host = authority.get(..v6.len() + 1)?;
        match after {
            "" => Some((host, None)),
            _ => Some((host, Some(after.strip_prefix(':')?))),
        }
    } else {
        match split_once(authority, b':') {
            Some((host, port)) => Some((host, Some(port))),
            None => Some((authority, None)),
        }
    }
}

fn valid_host(host: &str) -> bool {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !v6.is_empty() && v6.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    !host.is_empty()
        && host.len() <= 253
        && host.as_bytes().split(|b| *b == b'.').all(|label| {
            label.len() <= 63
                && label.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
                && label.first().is_some_and(|b| *b != b'-')
                && label.last().is_some_and(|b| *b != b'-')
        })
}

fn is_loopback(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") || host == "[::1]" {
        return true;
    }
    let mut octets = host.as_bytes().split(|b| *b == b'.');
    let octet = |o: &[u8]| {
        (1..=3).contains(&o.len())
            && o.iter().all(u8::is_ascii_digit)
            && o.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')) <= 255
    };
    octets.next() == Some(b"127") && (0..3).all(|_| octets.next().is_some_and(octet)) && octets.next().is_none()
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
