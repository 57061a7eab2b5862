//! A documented JSON example as the Rust expression that builds the same value of a generated
//! type: struct literals, enum variants, `vec!`s, maps. The doc examples and the conformance
//! table build their bodies this way, so a type only sent (a request body) needs no
//! `Deserialize`.
//!
//! The value is matched as serde would decode it: unknown members are left out (or kept in the
//! struct's map of other members), a `null` of an optional field is `None`, an untagged enum
//! takes its first variant the value fits. A value that would not decode is an error naming
//! where in the value it stopped.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::types::{field_ident, ident, variant_idents, Shape, Shapes, StructShape, Ty};

impl Shapes {
    /// The expression building `value` as a `ty`, its generated types named under `root`
    /// (`::wegnology`, `super::types`), or why the value is not one.
    pub(crate) fn literal(
        &self,
        ty: &Ty,
        value: &Value,
        root: &TokenStream,
    ) -> Result<TokenStream, String> {
        Literals { shapes: self, root }.value(ty, value, "")
    }
}

struct Literals<'a> {
    shapes: &'a Shapes,
    root: &'a TokenStream,
}

impl Literals<'_> {
    /// `value` as a `ty`; `at` is its JSON pointer in the whole value, for errors.
    fn value(&self, ty: &Ty, value: &Value, at: &str) -> Result<TokenStream, String> {
        let expected = |what: &str| Err(format!("at `{at}`: expected {what}, found `{value}`"));
        match (ty, value) {
            (Ty::Named(name), _) => self.named(name, value, at),
            (Ty::Boxed(inner), _) => {
                let inner = self.value(inner, value, at)?;
                Ok(quote! { Box::new(#inner) })
            }
            (Ty::String, Value::String(text)) => Ok(quote! { #text.to_string() }),
            (Ty::Secret, Value::String(text)) => Ok(quote! { #text.into() }),
            (Ty::Integer, Value::Number(n)) => match n.as_i64() {
                Some(i) => Ok(signed(Literal::u64_unsuffixed(i.unsigned_abs()), i < 0)),
                None => expected("an integer"),
            },
            (Ty::Number, Value::Number(n)) => {
                let f = n.as_f64().unwrap_or_default();
                Ok(signed(Literal::f64_unsuffixed(f.abs()), f < 0.0))
            }
            (Ty::Boolean, Value::Bool(b)) => Ok(quote! { #b }),
            // Checked by the parse chrono's `Deserialize` does, so the `expect` holds.
            (Ty::DateTime, Value::String(text))
                if text
                    .parse::<chrono::DateTime<chrono::FixedOffset>>()
                    .is_ok() =>
            {
                Ok(quote! { #text.parse().expect("a date-time") })
            }
            (Ty::Vec(item), Value::Array(items)) => {
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.value(item, v, &format!("{at}/{i}")))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(quote! { vec![ #( #items ),* ] })
            }
            (Ty::Map(of), Value::Object(members)) => self.map(of, members, at),
            (Ty::JsonObject, Value::Object(_)) => {
                let json = json_tokens(value);
                Ok(quote! {
                    ::serde_json::json!(#json).as_object().cloned().unwrap_or_default()
                })
            }
            (Ty::Json, _) => {
                let json = json_tokens(value);
                Ok(quote! { ::serde_json::json!(#json) })
            }
            (Ty::String | Ty::Secret, _) => expected("a string"),
            (Ty::Integer, _) => expected("an integer"),
            (Ty::Number, _) => expected("a number"),
            (Ty::Boolean, _) => expected("a boolean"),
            (Ty::DateTime, _) => expected("a date-time string"),
            (Ty::Vec(_), _) => expected("an array"),
            (Ty::Map(_) | Ty::JsonObject, _) => expected("an object"),
        }
    }

    fn named(&self, name: &str, value: &Value, at: &str) -> Result<TokenStream, String> {
        let root = self.root;
        let path = {
            let ident = ident(name);
            quote! { #root::#ident }
        };
        match self.shapes.by_name.get(name) {
            None => Err(format!("at `{at}`: the type `{name}` was not generated")),
            Some(Shape::Alias(ty)) => self.value(ty, value, at),
            Some(Shape::StringEnum(values)) => {
                let Value::String(text) = value else {
                    return Err(format!(
                        "at `{at}`: expected a string of `{name}`, found `{value}`"
                    ));
                };
                match values.iter().position(|v| v == text) {
                    Some(index) => {
                        let variant = &variant_idents(values)[index];
                        Ok(quote! { #path::#variant })
                    }
                    None => Ok(quote! { #path::Unknown(#text.to_string()) }),
                }
            }
            Some(Shape::Untagged(variants)) => {
                let mut misfits = Vec::new();
                for (variant, ty) in variants {
                    match self.value(ty, value, at) {
                        Ok(inner) => {
                            let variant = ident(variant);
                            return Ok(quote! { #path::#variant(#inner) });
                        }
                        Err(why) => misfits.push(format!("`{variant}`: {why}")),
                    }
                }
                Err(format!(
                    "at `{at}`: fits no variant of `{name}` ({})",
                    misfits.join("; ")
                ))
            }
            Some(Shape::Struct(shape)) => self.object(&path, name, shape, value, at),
        }
    }

    fn object(
        &self,
        path: &TokenStream,
        name: &str,
        shape: &StructShape,
        value: &Value,
        at: &str,
    ) -> Result<TokenStream, String> {
        let Value::Object(members) = value else {
            return Err(format!(
                "at `{at}`: expected an object of `{name}`, found `{value}`"
            ));
        };
        let mut fields = Vec::new();
        let mut missing = false;
        for field in &shape.fields {
            let ident = field_ident(&field.wire);
            let member_at = format!("{at}/{}", field.wire);
            let expr = match (members.get(&field.wire), field.required) {
                (Some(member), true) => self.value(&field.ty, member, &member_at)?,
                (None, true) => {
                    return Err(format!(
                        "at `{at}`: `{name}` needs `{}`, which the value lacks",
                        field.wire
                    ))
                }
                (Some(Value::Null), false) if field.keep_null => {
                    quote! { Some(::serde_json::Value::Null) }
                }
                (Some(member), false) if !member.is_null() => {
                    let inner = self.value(&field.ty, member, &member_at)?;
                    quote! { Some(#inner) }
                }
                (_, false) if shape.default => {
                    missing = true;
                    continue;
                }
                (_, false) => quote! { None },
            };
            fields.push(quote! { #ident: #expr });
        }
        if let Some((field, of)) = &shape.other {
            let known: Vec<&str> = shape.fields.iter().map(|f| f.wire.as_str()).collect();
            let others: serde_json::Map<String, Value> = members
                .iter()
                .filter(|(key, _)| !known.contains(&key.as_str()))
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect();
            if others.is_empty() && shape.default {
                missing = true;
            } else {
                let map = self.map(of, &others, at)?;
                let field = ident(field);
                fields.push(quote! { #field: #map });
            }
        }
        let rest = missing.then(|| quote! { ..Default::default() });
        Ok(quote! { #path { #( #fields, )* #rest } })
    }

    fn map(
        &self,
        of: &Ty,
        members: &serde_json::Map<String, Value>,
        at: &str,
    ) -> Result<TokenStream, String> {
        if members.is_empty() {
            return Ok(quote! { ::std::collections::BTreeMap::new() });
        }
        let entries = members
            .iter()
            .map(|(key, value)| {
                let value = self.value(of, value, &format!("{at}/{key}"))?;
                Ok(quote! { (#key.to_string(), #value) })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(quote! { ::std::collections::BTreeMap::from([ #( #entries ),* ]) })
    }
}

/// `literal`, negated where `negative`.
fn signed(literal: Literal, negative: bool) -> TokenStream {
    if negative {
        quote! { -#literal }
    } else {
        quote! { #literal }
    }
}

/// A JSON value as the tokens `serde_json::json!` takes. An integer outside `i32` is suffixed:
/// `json!` gives an unsuffixed literal the type `i32`, too small for times in milliseconds.
pub(crate) fn json_tokens(value: &Value) -> TokenStream {
    match value {
        Value::Null => quote! { null },
        Value::Bool(b) => quote! { #b },
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                let magnitude = i.unsigned_abs();
                let literal = if i32::try_from(i).is_ok() {
                    Literal::u64_unsuffixed(magnitude)
                } else if i < 0 {
                    Literal::i64_suffixed(magnitude as i64)
                } else {
                    Literal::u64_suffixed(magnitude)
                };
                signed(literal, i < 0)
            } else if let Some(u) = n.as_u64() {
                let literal = Literal::u64_suffixed(u);
                quote! { #literal }
            } else {
                let f = n.as_f64().unwrap_or_default();
                signed(Literal::f64_unsuffixed(f.abs()), f < 0.0)
            }
        }
        Value::String(s) => quote! { #s },
        Value::Array(items) => {
            let items = items.iter().map(json_tokens);
            quote! { [ #( #items ),* ] }
        }
        Value::Object(members) => {
            let members = members.iter().map(|(key, value)| {
                let value = json_tokens(value);
                quote! { #key: #value }
            });
            quote! { { #( #members ),* } }
        }
    }
}

/// An expression formatted as prettyplease formats it in a `let` (several lines where long),
/// for a doc example.
pub(crate) fn expression_text(expr: &TokenStream) -> String {
    let Ok(expr) = syn::parse2::<syn::Expr>(expr.clone()) else {
        return expr.to_string();
    };
    let text = prettyplease::unparse(&syn::parse_quote! { fn f() { let x = #expr; } });
    // `fn f() {\n    let x = <expr>;\n}\n`: the expression's lines, one indent less.
    let body: Vec<&str> = text.lines().skip(1).collect();
    let body = &body[..body.len().saturating_sub(1)];
    let joined = body
        .iter()
        .map(|line| line.strip_prefix("    ").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n");
    joined
        .strip_prefix("let x = ")
        .and_then(|t| t.strip_suffix(';'))
        .unwrap_or(&joined)
        .to_string()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::types::FieldShape;

    fn field(wire: &str, ty: Ty, required: bool) -> FieldShape {
        FieldShape {
            wire: wire.to_string(),
            ty,
            required,
            keep_null: false,
        }
    }

    /// A made-up type space: a body with every kind of field, an enum, an untagged enum of two
    /// object branches, and a map of other members.
    fn shapes() -> Shapes {
        let mut shapes = Shapes::default();
        let mut version = field("version", Ty::Json, false);
        version.keep_null = true;
        shapes.insert(
            "Body".to_string(),
            Shape::Struct(StructShape {
                fields: vec![
                    field("name", Ty::String, true),
                    field("count", Ty::Integer, false),
                    field("ratio", Ty::Number, false),
                    field("when", Ty::DateTime, false),
                    field("kind", Ty::Named("Kind".to_string()), false),
                    field("tags", Ty::Vec(Box::new(Ty::String)), false),
                    version,
                ],
                other: None,
                default: true,
            }),
        );
        shapes.insert(
            "Kind".to_string(),
            Shape::StringEnum(vec!["on".to_string(), "off".to_string()]),
        );
        shapes.insert(
            "Strict".to_string(),
            Shape::Struct(StructShape {
                fields: vec![
                    field("kind", Ty::Named("Kind".to_string()), true),
                    field("note", Ty::String, false),
                ],
                other: Some(("other".to_string(), Ty::Integer)),
                default: false,
            }),
        );
        shapes.insert(
            "Login".to_string(),
            Shape::Untagged(vec![
                ("Password".to_string(), Ty::Named("ByPassword".to_string())),
                ("Token".to_string(), Ty::Named("ByToken".to_string())),
            ]),
        );
        for (name, required) in [("ByPassword", "password"), ("ByToken", "token")] {
            shapes.insert(
                name.to_string(),
                Shape::Struct(StructShape {
                    fields: vec![field(required, Ty::Secret, true)],
                    other: None,
                    default: true,
                }),
            );
        }
        shapes
    }

    fn literal(ty: &str, value: serde_json::Value) -> Result<String, String> {
        shapes()
            .literal(&Ty::Named(ty.to_string()), &value, &quote! { t })
            .map(|tokens| tokens.to_string())
    }

    #[test]
    fn a_struct_lists_what_the_value_has_and_defaults_the_rest() {
        let built = literal(
            "Body",
            json!({"name": "n", "count": -3, "ratio": 2, "kind": "on", "tags": ["a"], "extra": 1}),
        )
        .unwrap();
        let expected = quote! {
            t::Body {
                name: "n".to_string(),
                count: Some(-3),
                ratio: Some(2.0),
                kind: Some(t::Kind::On),
                tags: Some(vec!["a".to_string()]),
                ..Default::default()
            }
        };
        assert_eq!(built, expected.to_string());
    }

    #[test]
    fn a_null_is_none_but_where_the_field_keeps_it() {
        let built = literal("Body", json!({"name": "n", "count": null, "version": null})).unwrap();
        let expected = quote! {
            t::Body {
                name: "n".to_string(),
                version: Some(::serde_json::Value::Null),
                ..Default::default()
            }
        };
        assert_eq!(built, expected.to_string());
    }

    #[test]
    fn a_struct_without_default_names_every_field_and_keeps_other_members() {
        let built = literal("Strict", json!({"kind": "dim", "a": 1})).unwrap();
        let expected = quote! {
            t::Strict {
                kind: t::Kind::Unknown("dim".to_string()),
                note: None,
                other: ::std::collections::BTreeMap::from([("a".to_string(), 1)]),
            }
        };
        assert_eq!(built, expected.to_string());
        // Another member that is no value of the map's type is refused, named by its place.
        let refused = literal("Strict", json!({"kind": "on", "a": "x"})).unwrap_err();
        assert!(
            refused.contains("at `/a`: expected an integer"),
            "{refused}"
        );
    }

    #[test]
    fn an_untagged_enum_takes_the_first_variant_the_value_fits() {
        let built = literal("Login", json!({"token": "s"})).unwrap();
        let expected = quote! { t::Login::Token(t::ByToken { token: "s".into(), }) };
        assert_eq!(built, expected.to_string());
        let refused = literal("Login", json!({"key": "s"})).unwrap_err();
        assert!(
            refused.contains("fits no variant of `Login`")
                && refused.contains("`Password`: at ``: `ByPassword` needs `password`")
                && refused.contains("`Token`: at ``: `ByToken` needs `token`"),
            "{refused}"
        );
    }

    #[test]
    fn a_value_of_another_type_is_refused_with_its_place() {
        let refused = literal("Body", json!({"name": "n", "count": 1.5})).unwrap_err();
        assert_eq!(refused, "at `/count`: expected an integer, found `1.5`");
        let refused = literal("Body", json!({"name": "n", "tags": ["a", 2]})).unwrap_err();
        assert_eq!(refused, "at `/tags/1`: expected a string, found `2`");
        let refused = literal("Body", json!({"count": 1})).unwrap_err();
        assert_eq!(refused, "at ``: `Body` needs `name`, which the value lacks");
    }

    #[test]
    fn a_date_time_is_parsed_only_where_chrono_reads_it() {
        let built = literal(
            "Body",
            json!({"name": "n", "when": "2016-06-13T04:00:00.000Z"}),
        );
        assert!(built
            .unwrap()
            .contains(". parse () . expect (\"a date-time\")"));
        let refused = literal("Body", json!({"name": "n", "when": "June"})).unwrap_err();
        assert_eq!(
            refused,
            "at `/when`: expected a date-time string, found `\"June\"`"
        );
    }

    #[test]
    fn json_integers_outside_i32_are_suffixed() {
        let tokens = json_tokens(&json!([1, -2, 1465790400000_i64, -1465790400000_i64, 0.5]));
        assert_eq!(
            tokens.to_string(),
            quote! { [1, -2, 1465790400000u64, -1465790400000i64, 0.5] }.to_string()
        );
    }
}
