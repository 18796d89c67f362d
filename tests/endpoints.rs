//! The endpoint rules against their source: `tests/data/endpoint_rule_set.json`
//! (cognito-idp's rule set) and `tests/data/partitions.json` (AWS's partition
//! table), both from botocore 1.44.8. A small evaluator of the rule set's
//! language runs it for every region the partition table names, for regions
//! made up to match each partition's pattern and for names near the patterns'
//! edges, each with FIPS and dual stack on and off, and `endpoint::resolve`
//! must give the same URL (or refuse where the rules give an error).

use std::collections::HashMap;

use cognito_confirm::internals::{resolve, EndpointConfig};
use regex::Regex;
use serde_json::Value;

fn data(name: &str) -> Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// AWS's `aws.partition`: a partition that lists the region, then one whose
/// pattern matches it, else `aws`.
fn partition<'a>(partitions: &'a [Value], region: &str) -> &'a Value {
    let listed = partitions
        .iter()
        .find(|p| p["regions"].as_array().unwrap().iter().any(|r| r == region));
    let matched = || {
        partitions
            .iter()
            .find(|p| Regex::new(p["regionRegex"].as_str().unwrap()).unwrap().is_match(region))
    };
    let aws = || partitions.iter().find(|p| p["id"] == "aws").unwrap();
    &listed.or_else(matched).unwrap_or_else(aws)["outputs"]
}

struct Eval<'a> {
    partitions: &'a [Value],
    params: HashMap<&'static str, Value>,
    assigned: HashMap<String, Value>,
}

impl Eval<'_> {
    fn value(&self, v: &Value) -> Option<Value> {
        if let Some(name) = v.get("ref").and_then(Value::as_str) {
            return self.params.get(name).or_else(|| self.assigned.get(name)).cloned();
        }
        if v.get("fn").is_some() {
            return self.call(v);
        }
        Some(v.clone())
    }

    fn call(&self, f: &Value) -> Option<Value> {
        let argv: Vec<Option<Value>> = f["argv"].as_array().unwrap().iter().map(|a| self.value(a)).collect();
        match f["fn"].as_str().unwrap() {
            "isSet" => Some(Value::Bool(argv[0].is_some())),
            "booleanEquals" | "stringEquals" => Some(Value::Bool(argv[0].is_some() && argv[0] == argv[1])),
            "aws.partition" => Some(partition(self.partitions, argv[0].as_ref()?.as_str()?).clone()),
            "getAttr" => argv[0].as_ref()?.get(argv[1].as_ref()?.as_str()?).cloned(),
            other => panic!("the evaluator lacks the rule set's function {other}"),
        }
    }

    /// The rule's conditions all hold (assigning what they assign).
    fn holds(&mut self, rule: &Value) -> bool {
        for condition in rule["conditions"].as_array().unwrap() {
            match self.call(condition) {
                None | Some(Value::Bool(false)) => return false,
                Some(v) => {
                    if let Some(name) = condition.get("assign").and_then(Value::as_str) {
                        self.assigned.insert(name.into(), v);
                    }
                }
            }
        }
        true
    }

    fn template(&self, url: &str) -> String {
        let mut out = String::new();
        let mut rest = url;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').unwrap() + open;
            let name = &rest[open + 1..close];
            let v = match name.split_once('#') {
                Some((var, attr)) => self.assigned[var][attr].clone(),
                None => self.value(&serde_json::json!({ "ref": name })).unwrap(),
            };
            out.push_str(v.as_str().unwrap());
            rest = &rest[close + 1..];
        }
        out + rest
    }

    /// The endpoint URL, or the error the rules give.
    fn rules(&mut self, rules: &[Value]) -> Option<Result<String, String>> {
        for rule in rules {
            let saved = self.assigned.clone();
            if self.holds(rule) {
                match rule["type"].as_str().unwrap() {
                    "endpoint" => {
                        let url = &rule["endpoint"]["url"];
                        let url = match url.as_str() {
                            Some(t) => self.template(t),
                            None => self.value(url).unwrap().as_str().unwrap().to_owned(),
                        };
                        return Some(Ok(url));
                    }
                    "error" => return Some(Err(rule["error"].as_str().unwrap().to_owned())),
                    "tree" => {
                        if let Some(done) = self.rules(rule["rules"].as_array().unwrap()) {
                            return Some(done);
                        }
                    }
                    other => panic!("unknown rule type {other}"),
                }
            }
            self.assigned = saved;
        }
        None
    }
}

/// Every region the table lists, one made up for each partition's pattern,
/// and names at the patterns' edges.
fn regions(partitions: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in partitions {
        for r in p["regions"].as_array().unwrap() {
            out.push(r.as_str().unwrap().into());
        }
        // A region the table does not list yet: the pattern decides.
        let mut listed = p["regions"].as_array().unwrap().iter().map(|r| r.as_str().unwrap());
        let sample = listed.rfind(|r| !r.ends_with("-global")).unwrap();
        let (rest, _) = sample.rsplit_once('-').unwrap();
        let (prefix, _) = rest.rsplit_once('-').unwrap();
        out.push(format!("{prefix}-newplace-42"));
        out.push(format!("{prefix}-1"));
    }
    for edge in [
        "aws-eusc-global",
        "aws--global",
        "global",
        "us-iso-b-east-1",
        "eusc-fr-east-1",
        "us-isob-east-x",
        "xx-east-1",
        "us-east-1a",
        "cn-north-",
        "mars-1",
    ] {
        out.push(edge.into());
    }
    out
}

#[test]
fn every_partition_fips_and_dual_stack_follow_the_rule_set() {
    let table = data("partitions.json");
    let partitions = table["partitions"].as_array().unwrap();
    let ids: Vec<&str> = partitions.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "aws",
            "aws-cn",
            "aws-eusc",
            "aws-iso",
            "aws-iso-b",
            "aws-iso-e",
            "aws-iso-f",
            "aws-us-gov"
        ]
    );
    let rule_set = data("endpoint_rule_set.json");
    let rules = rule_set["ruleset"]["rules"].as_array().unwrap();
    let mut checked = HashMap::<&str, usize>::new();
    for region in regions(partitions) {
        for use_fips in [false, true] {
            for use_dual_stack in [false, true] {
                let mut eval = Eval {
                    partitions,
                    params: HashMap::from([
                        ("Region", Value::String(region.clone())),
                        ("UseFIPS", Value::Bool(use_fips)),
                        ("UseDualStack", Value::Bool(use_dual_stack)),
                    ]),
                    assigned: HashMap::new(),
                };
                let expected = eval.rules(rules).expect("the rule set ends every path");
                let got = resolve(&EndpointConfig {
                    region: &region,
                    use_fips,
                    use_dual_stack,
                    custom: None,
                });
                let case = format!("{region} fips={use_fips} dualstack={use_dual_stack}");
                match expected {
                    Ok(url) => assert_eq!(got.as_deref(), Ok(format!("{url}/").as_str()), "{case}"),
                    Err(e) => assert!(got.is_err(), "{case}: the rules say {e}"),
                }
                let name = partition(partitions, &region)["name"].as_str().unwrap();
                *checked.entry(ids.iter().find(|id| **id == name).unwrap()).or_default() += 1;
            }
        }
    }
    for id in ids {
        assert!(
            checked.get(id).copied().unwrap_or(0) >= 2 * 4,
            "{id}: two regions or more, each four ways"
        );
    }
}
