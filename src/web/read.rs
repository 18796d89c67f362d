//! Reading the caller's JavaScript objects into Rust values.
//!
//! JavaScript callers pass anything: `null`, numbers where strings go, strings
//! with lone surrogates. Each member is read by name with `Reflect` (much
//! smaller than a generic deserialiser) and a wrong type becomes a
//! [`ValidationError`] that names the member as the caller wrote it, such as
//! `userContextData.encodedData`. Optional members may be `undefined` or `null`.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::text::concat;
use crate::validate::{Rule, ValidationError};

type Field = Cow<'static, str>;

/// An object argument, or a nested object member, with the path that names it.
pub struct Obj {
    value: JsValue,
    /// Empty for a top-level argument: its members are named on their own.
    path: &'static str,
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !v.is_function() && !Array::is_array(v)
}

impl Obj {
    /// `value` as the argument called `name`; it must be an object.
    pub fn argument(value: JsValue, name: &'static str) -> Result<Self, ValidationError> {
        if is_plain_object(&value) {
            Ok(Obj { value, path: "" })
        } else if value.is_undefined() || value.is_null() {
            Err(ValidationError::new(name, Rule::Required))
        } else {
            Err(ValidationError::new(name, Rule::Type("an object")))
        }
    }

    fn field(&self, key: &'static str) -> Field {
        if self.path.is_empty() {
            Cow::Borrowed(key)
        } else {
            Cow::Owned(concat(&[self.path, ".", key]))
        }
    }

    /// A member, `None` when it is `undefined` or `null`.
    pub fn member(&self, key: &'static str) -> Option<(JsValue, Field)> {
        let v = Reflect::get(&self.value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        (!v.is_undefined() && !v.is_null()).then(|| (v, self.field(key)))
    }

    pub fn opt_string(&self, key: &'static str) -> Result<Option<String>, ValidationError> {
        self.member(key).map(|(v, field)| string(&v, field)).transpose()
    }

    pub fn string(&self, key: &'static str) -> Result<String, ValidationError> {
        self.opt_string(key)?
            .ok_or_else(|| ValidationError::new(self.field(key), Rule::Required))
    }

    /// A whole number from `min` to `max`; `expected` describes that for the error.
    pub fn opt_whole_number(
        &self,
        key: &'static str,
        min: u32,
        max: u32,
        expected: &'static str,
    ) -> Result<Option<u32>, ValidationError> {
        self.member(key)
            .map(|(v, field)| {
                // `as` saturates and maps NaN to 0, so only a whole number in range survives the round trip.
                v.as_f64()
                    .filter(|&n| f64::from(n as u32) == n && (min..=max).contains(&(n as u32)))
                    .map(|n| n as u32)
                    .ok_or(ValidationError::new(field, Rule::Type(expected)))
            })
            .transpose()
    }

    pub fn opt_bool(&self, key: &'static str) -> Result<Option<bool>, ValidationError> {
        self.member(key)
            .map(|(v, field)| {
                v.as_bool()
                    .ok_or(ValidationError::new(field, Rule::Type("true or false")))
            })
            .transpose()
    }

    /// A nested object member; `path` names it in errors.
    pub fn opt_object(&self, key: &'static str, path: &'static str) -> Result<Option<Obj>, ValidationError> {
        match self.member(key) {
            None => Ok(None),
            Some((value, _)) if is_plain_object(&value) => Ok(Some(Obj { value, path })),
            Some((_, field)) => Err(ValidationError::new(field, Rule::Type("an object"))),
        }
    }

    /// A member that maps strings to strings, in the object's own key order.
    pub fn opt_string_map(&self, key: &'static str) -> Result<Option<Vec<(String, String)>>, ValidationError> {
        let Some((v, field)) = self.member(key) else {
            return Ok(None);
        };
        if !is_plain_object(&v) {
            return Err(ValidationError::new(
                field,
                Rule::Type("an object whose values are strings"),
            ));
        }
        let mut out = Vec::new();
        for entry in Object::entries(v.unchecked_ref()).iter() {
            let pair: Array = entry.unchecked_into();
            let (k, value) = (pair.get(0), pair.get(1));
            let entry_field = || Cow::Owned(concat(&[&field, ".", &k.as_string().unwrap_or_default()]));
            let key = string(&k, entry_field())?;
            out.push((key, string(&value, entry_field())?));
        }
        Ok(Some(out))
    }
}

/// A JavaScript string, refused when it is not one or holds a lone surrogate.
pub fn string(v: &JsValue, field: Field) -> Result<String, ValidationError> {
    let Some(s) = v.dyn_ref::<JsString>() else {
        return Err(ValidationError::new(field, Rule::Type("a string")));
    };
    if !s.is_valid_utf16() {
        return Err(ValidationError::new(field, Rule::LoneSurrogate));
    }
    Ok(String::from(s))
}
