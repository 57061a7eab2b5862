//! The macros generated code calls, so that it holds only what differs per action:
//! `__request_builder!` declares a request builder and gives it what every request has. A macro
//! rather than a trait, so that what it gives needs no import.

/// Declares a generated request builder, `$builder<'a>($crate::runtime::Request<'a, $output>)`
/// of the action `$action`, with the methods every request has. Only generated code calls it.
#[doc(hidden)]
#[macro_export]
macro_rules! __request_builder {
    ($builder:ident => $output:ty, $action:literal) => {
        #[doc = ::std::concat!(
            "The `", $action, "` request; set optional parameters, then `send()` (or `.await` it)."
        )]
        #[must_use = "a request does nothing until it is sent"]
        pub struct $builder<'a>($crate::runtime::Request<'a, $output>);

        impl<'a> $builder<'a> {
            /// Timeout of this call, all attempts and pauses between them included; replaces the
            /// client's (`ClientBuilder::timeout`).
            pub fn timeout(self, timeout: ::std::time::Duration) -> Self {
                Self(self.0.with_timeout(timeout))
            }

            /// How many times this call may be retried (`0`: not at all); replaces the number of
            /// the client's `RetryPolicy`, whose rules still decide what is retried.
            pub fn retries(self, retries: u32) -> Self {
                Self(self.0.with_retries(retries))
            }

            /// Domain scope of request (rarely needed). Example: `example.com`.
            ///
            /// Sent as the header `losantdomain`; every action takes it. A value with control
            /// characters or non-ASCII is refused: `send` returns `Error::InvalidRequest`
            /// naming it, before anything is sent.
            pub fn losantdomain(
                self,
                losantdomain: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                Self(self.0.header("losantdomain", losantdomain.into()))
            }

            /// Overrides one of the query defaults every request of the API carries
            /// (WEGnology's: `_actions`, `_links`, `_embedded`) or adds another query pair.
            pub fn query_override(self, name: &'static str, value: impl ::std::fmt::Display) -> Self {
                Self(self.0.query(name, ::std::string::ToString::to_string(&value)))
            }

            #[doc = ::std::concat!("Sends the request; the success body is a [`", ::std::stringify!($output), "`].")]
            pub fn send(
                self,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<$output, $crate::Error>>
                   + ::std::marker::Send
                   + 'a {
                self.0.send()
            }

            /// Sends the request; the status and headers of the answer with the decoded body.
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

            fn into_future(self) -> Self::IntoFuture {
                ::std::future::IntoFuture::into_future(self.0)
            }
        }

        impl ::std::fmt::Debug for $builder<'_> {
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
