//! The URL of a call: the base URL parsed once, the query defaults of the API, and the full URL
//! of each path without parameters built once, when the client is built.

use reqwest::Url;

use crate::facts::ApiFacts;
use crate::query::QueryPair;

/// The URLs one client sends to.
pub(crate) struct Urls {
    /// The checked base URL, parsed once; each call sets its path and query on a copy.
    base: Url,
    /// The base URL's path without a trailing `/` (usually empty): call paths follow it.
    base_path: String,
    /// The query defaults of the client's API, and the same as one query string (`None`: no
    /// defaults) for the calls that change none of them.
    defaults: &'static [(&'static str, &'static str)],
    default_query: Option<String>,
    /// The base URL with the query defaults (`default_query`), parsed once: a call of a path
    /// that is not fixed sets its path on a copy, its query then needs no parsing.
    defaulted: Url,
    /// The full URL, query defaults included, of each of the API's paths without parameters,
    /// sorted by path length, then text: parsed once here, cloned per call (parsing it per
    /// call was the client's largest cost of its own in an instruction profile of
    /// `me().get()`).
    fixed: Box<[(&'static str, Url)]>,
}

impl Urls {
    /// The URLs of `api` under `base`; builds the fixed URLs.
    pub(crate) fn new(base: Url, api: &ApiFacts) -> Urls {
        let default_query = (!api.query_defaults.is_empty()).then(|| {
            url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(api.query_defaults)
                .finish()
        });
        let mut defaulted = base.clone();
        defaulted.set_query(default_query.as_deref());
        let mut urls = Urls {
            base_path: base.path().trim_end_matches('/').to_string(),
            base,
            defaulted,
            defaults: api.query_defaults,
            default_query,
            fixed: Box::default(),
        };
        let mut fixed: Vec<(&'static str, Url)> = api
            .fixed_paths
            .iter()
            .map(|path| (*path, urls.build(path, &[], api.query_defaults)))
            .collect();
        fixed.sort_unstable_by(|(a, _), (b, _)| by_length_then_text(a, b));
        urls.fixed = fixed.into_boxed_slice();
        urls
    }

    /// How many fixed URLs were built.
    #[cfg(test)]
    pub(crate) fn fixed_count(&self) -> usize {
        self.fixed.len()
    }

    /// The base URL as given.
    pub(crate) fn base(&self) -> &Url {
        &self.base
    }

    /// The URL of a call: base URL, path, then the query `defaults` (as overridden) and the
    /// call's own pairs, form-encoded. With the client's own defaults and no query pairs, a
    /// fixed path's URL is the one built once.
    #[cfg(test)]
    pub(crate) fn url(&self, path: &str, query: &[QueryPair], defaults: &[(&str, &str)]) -> Url {
        self.url_of(path, true, query, defaults)
    }

    /// [`Urls::url`]; `maybe_fixed: false` says `path` is a filled template, not looked up
    /// among the fixed paths (were it equal to one, its URL would be the same anyway).
    pub(crate) fn url_of(
        &self,
        path: &str,
        maybe_fixed: bool,
        query: &[QueryPair],
        defaults: &[(&str, &str)],
    ) -> Url {
        // The call's own pairs after the defaults, none of which it overrides: the URL with
        // the defaults (prebuilt for a fixed path, else parsed once in `new`) gains only them.
        if self.own_defaults(defaults)
            && !query
                .iter()
                .any(|(n, _)| defaults.iter().any(|(d, _)| n == d))
        {
            // A path is looked up by its length, then its text: most steps compare lengths.
            let fixed = maybe_fixed
                .then(|| {
                    self.fixed
                        .binary_search_by(|(fixed, _)| by_length_then_text(fixed, path))
                })
                .and_then(Result::ok);
            let url = match fixed {
                Some(found) if query.is_empty() => return self.fixed[found].1.clone(),
                Some(found) => self.fixed[found].1.clone(),
                None => self.with_path(&self.defaulted, path),
            };
            return Self::with_pairs(url, query);
        }
        self.build(path, query, defaults)
    }

    /// A copy of `template` (the base URL, its query set) with the path `path` under the base
    /// URL's.
    fn with_path(&self, template: &Url, path: &str) -> Url {
        let mut url = template.clone();
        if self.base_path.is_empty() {
            url.set_path(path);
        } else {
            url.set_path(&format!("{}{path}", self.base_path));
        }
        url
    }

    /// `url` with the pairs `query` after its own: form-encoded by `url`'s serializer (which
    /// gives a URL without a query an empty one, `?`, even for no pair).
    fn with_pairs(mut url: Url, query: &[QueryPair]) -> Url {
        if !query.is_empty() || url.query().is_none() {
            url.query_pairs_mut()
                .extend_pairs(query.iter().map(|(n, v)| (n.as_ref(), v.as_str())));
        }
        url
    }

    /// Whether `defaults` are the client's own (the same static, the common case, or equal).
    fn own_defaults(&self, defaults: &[(&str, &str)]) -> bool {
        std::ptr::eq(defaults, self.defaults) || defaults == self.defaults
    }

    /// [`Urls::url`] built from the base URL parsed once: no host parsing, one allocation.
    pub(crate) fn build(&self, path: &str, query: &[QueryPair], defaults: &[(&str, &str)]) -> Url {
        let mut url = self.with_path(&self.base, path);
        if query.is_empty() && defaults.is_empty() {
            url.set_query(None);
        } else if query.is_empty() && self.own_defaults(defaults) {
            url.set_query(self.default_query.as_deref());
        } else {
            let mut pairs = url.query_pairs_mut();
            for (name, default) in defaults {
                let value = query
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or(*default, |(_, v)| v.as_str());
                pairs.append_pair(name, value);
            }
            for (name, value) in query {
                if !defaults.iter().any(|(n, _)| n == name) {
                    pairs.append_pair(name, value.as_str());
                }
            }
        }
        url
    }
}

/// The order of the fixed paths: by length, then by text.
fn by_length_then_text(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    static API: ApiFacts = ApiFacts {
        base_url: "https://api.example.com",
        accept_version: "^2.0.0",
        query_defaults: &[("_links", "true"), ("page", "1")],
        fixed_paths: &["/things", "/other"],
    };

    fn urls(base: &str) -> Urls {
        Urls::new(Url::parse(base).unwrap(), &API)
    }

    #[test]
    fn each_fixed_url_is_the_url_built_per_call() {
        for base in ["http://127.0.0.1:9", "http://127.0.0.1:9/api/v1/"] {
            let urls = urls(base);
            assert_eq!(urls.fixed.len(), API.fixed_paths.len());
            for path in API.fixed_paths {
                let fixed = urls.url(path, &[], API.query_defaults);
                assert_eq!(
                    fixed,
                    urls.build(path, &[], &[("_links", "true"), ("page", "1")])
                );
                assert_eq!(fixed.query(), Some("_links=true&page=1"), "{base} {path}");
            }
        }
    }

    #[test]
    fn the_query_defaults_are_the_ones_given() {
        let urls = urls("http://127.0.0.1:9/api/");
        let url = urls.url("/things/a%20b", &[], API.query_defaults);
        assert_eq!(
            url.as_str(),
            "http://127.0.0.1:9/api/things/a%20b?_links=true&page=1"
        );
        let overridden = urls.url(
            "/things",
            &[(Cow::Borrowed("page"), "2".into())],
            API.query_defaults,
        );
        assert_eq!(overridden.query(), Some("_links=true&page=2"));
        // Another API's defaults (code generated from other documents) replace these.
        let other = urls.url("/things", &[], &[("_actions", "false")]);
        assert_eq!(other.query(), Some("_actions=false"));
        let none = urls.url("/things", &[(Cow::Borrowed("q"), "x y".into())], &[]);
        assert_eq!(none.query(), Some("q=x+y"));
    }

    #[test]
    fn a_call_s_own_pairs_join_the_prebuilt_defaults_as_they_would_be_built() {
        for base in ["http://127.0.0.1:9", "http://127.0.0.1:9/api/v1/"] {
            let urls = urls(base);
            let own: [QueryPair; 2] = [
                (Cow::Borrowed("filter"), "a b&c".into()),
                (Cow::Borrowed("tag[0]"), "x".into()),
            ];
            let overriding: [QueryPair; 1] = [(Cow::Borrowed("page"), "2".into())];
            for path in ["/things", "/things/a%20b", "/unlisted"] {
                for query in [&own[..], &overriding[..], &[]] {
                    let built = urls.build(path, query, API.query_defaults);
                    assert_eq!(
                        urls.url(path, query, API.query_defaults),
                        built,
                        "{base} {path} {query:?}"
                    );
                    // A filled template is not looked up: the same URL.
                    assert_eq!(
                        urls.url_of(path, false, query, API.query_defaults),
                        built,
                        "{base} {path} {query:?}"
                    );
                }
            }
        }
    }
}
