//! The macros generated code calls, so that it holds only what differs per action or type:
//! `__request_builder!` declares a request builder and gives it what every request has,
//! `string_enum!` gives a string enum its variants' wire names, `as_str`, `Display` and serde.
//! Macros rather than traits, so that what they give needs no import.

/// Declares a generated request builder, `$builder<'a>($crate::runtime::Request<'a, $output>)`
/// of the action `$action`, with the methods every request has, `Clone` (a clone is the same
/// call; a file's bytes are shared) and `runtime::RequestBuilder` (what `runtime::paginate`
/// makes pages of). Only generated code calls it.
#[doc(hidden)]
#[macro_export]
// Every method of a builder is `#[inline]`: a crate's non-generic functions are compiled with
// it, for every action, while an inline one is compiled only where it is called. The builders
// of the whole API were most of the client crate's code generation.
macro_rules! __request_builder {
    ($builder:ident => $output:ty, $action:literal) => {
        #[doc = ::std::concat!(
            "The `", $action, "` request; set optional parameters, then `send()` (or `.await` it)."
        )]
        #[must_use = "a request does nothing until it is sent"]
        #[derive(::std::clone::Clone)]
        pub struct $builder<'a>($crate::runtime::Request<'a, $output>);

        impl<'a> $crate::runtime::RequestBuilder<'a> for $builder<'a> {
            type Answer = $output;

            #[inline]
            fn request(&self) -> &$crate::runtime::Request<'a, $output> {
                &self.0
            }

            #[inline]
            fn into_request(self) -> $crate::runtime::Request<'a, $output> {
                self.0
            }
        }

        impl<'a> $builder<'a> {
            /// Timeout of this call, all attempts and pauses between them included; replaces the
            /// client's (`ClientBuilder::timeout`).
            #[inline]
            pub fn timeout(self, timeout: ::std::time::Duration) -> Self {
                Self(self.0.with_timeout(timeout))
            }

            /// How many times this call may be retried (`0`: not at all); replaces the number of
            /// the client's `RetryPolicy`, whose rules still decide what is retried.
            #[inline]
            pub fn retries(self, retries: u32) -> Self {
                Self(self.0.with_retries(retries))
            }

            /// Domain scope of request (rarely needed). Example: `example.com`.
            ///
            /// Sent as the header `losantdomain`; every action takes it. A value with control
            /// characters or non-ASCII is refused: `send` returns `Error::InvalidRequest`
            /// naming it, before anything is sent.
            #[inline]
            pub fn losantdomain(
                self,
                losantdomain: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self(self.0.header("losantdomain", losantdomain.into()))
            }

            /// Overrides one of the query defaults every request of the API carries
            /// (WEGnology's: `_actions`, `_links`, `_embedded`) or adds another query pair.
            #[inline]
            pub fn query_override(self, name: &'static str, value: impl ::std::fmt::Display) -> Self {
                Self(self.0.query(name, ::std::string::ToString::to_string(&value)))
            }

            #[doc = ::std::concat!("Sends the request; the success body is a [`", ::std::stringify!($output), "`].")]
            #[inline]
            pub fn send(
                self,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<$output, $crate::Error>>
                   + ::std::marker::Send
                   + 'a {
                self.0.send()
            }

            /// Sends the request; the status and headers of the answer with the decoded body.
            #[inline]
            pub fn send_with_response(
                self,
            ) -> impl ::std::future::Future<
                Output = ::std::result::Result<$crate::Response<$output>, $crate::Error>,
            > + ::std::marker::Send
                   + 'a {
                self.0.send_with_response()
            }

            $crate::__send_blocking!($output);
        }

        impl<'a> ::std::future::IntoFuture for $builder<'a> {
            type Output = ::std::result::Result<$output, $crate::Error>;
            type IntoFuture = $crate::runtime::ResponseFuture<'a, $output>;

            #[inline]
            fn into_future(self) -> Self::IntoFuture {
                ::std::future::IntoFuture::into_future(self.0)
            }
        }

        impl ::std::fmt::Debug for $builder<'_> {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(::std::stringify!($builder)).field(&self.0).finish()
            }
        }
    };
}

/// `send_blocking()`, present when the client crate has the `blocking` feature (decided here,
/// in the client crate, whichever crate the generated code is in).
#[cfg(feature = "blocking")]
#[doc(hidden)]
#[macro_export]
macro_rules! __send_blocking {
    ($output:ty) => {
        /// Sends the request and waits for the answer, for code without an async runtime
        /// (feature `blocking`; not for use inside one).
        #[inline]
        pub fn send_blocking(self) -> ::std::result::Result<$output, $crate::Error> {
            self.0.send_blocking()
        }
    };
}

/// `send_blocking()` is absent without the `blocking` feature.
#[cfg(not(feature = "blocking"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __send_blocking {
    ($output:ty) => {};
}

/// A string enum with a fallback for values the documents do not list:
///
/// ```
/// wegnology::string_enum! {
///     ///
///     /// What a thing is.
///     Kind { Device => "device", Flow => "flow" }
/// }
/// assert_eq!(Kind::Flow.as_str(), "flow");
/// assert_eq!(serde_json::from_str::<Kind>(r#""flow""#).unwrap(), Kind::Flow);
/// let other: Kind = serde_json::from_str(r#""file""#).unwrap();
/// assert_eq!(other, Kind::Unknown("file".into()));
/// assert_eq!(other.to_string(), "file");
/// assert_eq!(serde_json::to_string(&other).unwrap(), r#""file""#);
/// ```
///
/// Each variant is its wire value; `Unknown(String)` keeps any other string, and serializes
/// back to it; anything but a string is refused. `as_str` gives the wire value and
/// `Display` writes it. The calling crate depends on `serde` (the derives name `::serde`), as
/// all generated code does.
#[doc(hidden)]
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$attr:meta])*
        $name:ident { $( $variant:ident => $value:literal ),* $(,)? }
    ) => {
        #[doc = ::std::concat!(
            "One of ", $( "`", $value, "`, ", )* "or a value these documents do not list (`Unknown`)."
        )]
        $(#[$attr])*
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        pub enum $name {
            $(
                #[doc = ::std::concat!("`", $value, "`")]
                $variant,
            )*
            /// A value these documents do not list.
            Unknown(::std::string::String),
        }

        impl $name {
            /// The value on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )*
                    $name::Unknown(value) => value,
                }
            }
        }

        // Written out rather than derived: a string in, a string out. The derive of a fallback
        // variant (`#[serde(untagged)]`) buffers every value and costs several times the code,
        // for each of the hundreds of enums of the whole API.
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value: $crate::runtime::WireStr<'de> =
                    ::serde::Deserialize::deserialize(deserializer)?;
                ::std::result::Result::Ok(match value.as_str() {
                    $( $value => $name::$variant, )*
                    _ => $name::Unknown(value.into_string()),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    string_enum! {
        Kind { Device => "device", Dark => "dark-blue", V7 => "7" }
    }

    /// The enum as the generator wrote it out before `string_enum!` (serde's derives): what the
    /// macro must match on strings, the only values the documents give an enum.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
    enum Written {
        #[serde(rename = "device")]
        Device,
        #[serde(rename = "dark-blue")]
        Dark,
        #[serde(rename = "7")]
        V7,
        #[serde(untagged)]
        Unknown(String),
    }

    impl Written {
        fn as_str(&self) -> &str {
            match self {
                Written::Device => "device",
                Written::Dark => "dark-blue",
                Written::V7 => "7",
                Written::Unknown(value) => value,
            }
        }
    }

    #[test]
    fn the_macro_enum_behaves_as_the_derived_one_on_strings() {
        let inputs = [
            json!("device"),
            json!("dark-blue"),
            json!("7"),
            json!("Device"),
            json!(""),
            json!("gadget"),
        ];
        for input in inputs {
            let macro_made = serde_json::from_value::<Kind>(input.clone());
            let written = serde_json::from_value::<Written>(input.clone());
            assert_eq!(macro_made.is_ok(), written.is_ok(), "{input}");
            let (Ok(macro_made), Ok(written)) = (macro_made, written) else {
                continue;
            };
            assert_eq!(macro_made.as_str(), written.as_str(), "{input}");
            assert_eq!(macro_made.to_string(), written.as_str(), "{input}");
            let back: Value = serde_json::to_value(&macro_made).unwrap();
            assert_eq!(back, serde_json::to_value(&written).unwrap(), "{input}");
            assert_eq!(
                matches!(macro_made, Kind::Unknown(_)),
                matches!(written, Written::Unknown(_)),
                "{input}"
            );
        }
        assert_eq!(Kind::Dark.as_str(), "dark-blue");
        assert_eq!(Kind::Unknown("x".into()).to_string(), "x");
        // Read from text: borrowed where it has no escapes, copied where it has.
        assert_eq!(
            serde_json::from_str::<Kind>(r#""dark-blue""#).unwrap(),
            Kind::Dark
        );
        assert_eq!(
            serde_json::from_str::<Kind>(r#""dark\u002dblue""#).unwrap(),
            Kind::Dark
        );
        // A value that is not a string is refused with what was expected. (The derive took the
        // externally tagged form `{"device": null}` too; no document sends one.)
        for input in [
            json!(7),
            json!(null),
            json!(true),
            json!({"device": null}),
            json!(["device"]),
        ] {
            let error = serde_json::from_value::<Kind>(input.clone()).unwrap_err();
            assert!(error.to_string().contains("a string"), "{input}: {error}");
        }
        assert_eq!(serde_json::to_value(Kind::V7).unwrap(), json!("7"));
    }
}
