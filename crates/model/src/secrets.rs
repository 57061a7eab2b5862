//! Which properties hold secrets, by a rule on the words of their names, so that it holds for
//! every resource rather than for the names one resource happens to use.
//!
//! A property is a secret when the words of its name (`twoFactorAuthKey` → two, factor, auth,
//! key) say it is one:
//! 1. its last word is `password`, `secret` or `token` (`newPassword`, `accessToken`);
//! 2. it is a code of a second factor or a verification (`twoFactorCode`, `verificationCode`);
//! 3. it is a compound ending in `key` (`privateKey`, `encryptionKey`, `twoFactorAuthKey`),
//!    unless the word before `key` is `tag`: `tagKey` names a tag;
//! 4. it is a key's encoding, `key` then `uri` or `json` (`keyUri`, `keyJson`);
//! 5. it is a bare `key` in a schema about authentication (a title word starting with `auth`):
//!    elsewhere a bare `key` names an entry, beside its `value` (tags, globals, triggers).
//!
//! Ids and counts of secrets (`apiTokenId`, `keyCount`) are not secrets: their last word is
//! neither of those.

use heck::ToSnakeCase;

/// Whether a property named `name` holds a secret (the module's rule). `schema_title` is the
/// title of the named schema it is part of; `None` where that is not known (a journal reading
/// bodies by field name), where a bare `key` counts as a secret, to be safe.
pub fn is_secret_property(name: &str, schema_title: Option<&str>) -> bool {
    let snake = name.to_snake_case();
    let words: Vec<&str> = snake.split('_').filter(|w| !w.is_empty()).collect();
    let Some((&last, before)) = words.split_last() else {
        return false;
    };
    let previous = before.last().copied();
    match last {
        "password" | "secret" | "token" => true,
        "code" => matches!(previous, Some("factor" | "verification")),
        "key" => match previous {
            Some(previous) => previous != "tag",
            None => schema_title.is_none_or(about_authentication),
        },
        "uri" | "json" => previous == Some("key"),
        _ => false,
    }
}

fn about_authentication(title: &str) -> bool {
    title
        .to_snake_case()
        .split('_')
        .any(|word| word.starts_with("auth"))
}

#[cfg(test)]
mod tests {
    use super::is_secret_property;

    #[test]
    fn credentials_are_secrets_by_the_words_of_their_names() {
        for name in [
            "password",
            "newPassword",
            "basicAuthPassword",
            "token",
            "accessToken",
            "secret",
            "twoFactorCode",
            "verificationCode",
            "twoFactorAuthKey",
            "privateKey",
            "secretAccessKey",
            "keyUri",
            "keyJson",
        ] {
            assert!(is_secret_property(name, Some("Anything")), "{name}");
        }
    }

    #[test]
    fn names_ids_counts_and_entry_keys_are_not() {
        for name in [
            "tokenTTL",
            "tokenCutoff",
            "apiTokenId",
            "keyCount",
            "accessKeyId",
            "tagKey",
            "locationTagKey",
            "$tagKey",
            "statusCode",
            "responseCode",
            "keywords",
            "passwordLastUpdated",
            "invalidateExistingTokens",
            "email",
        ] {
            assert!(!is_secret_property(name, Some("Anything")), "{name}");
        }
    }

    #[test]
    fn a_bare_key_is_a_secret_only_where_the_schema_is_about_authentication() {
        assert!(is_secret_property(
            "key",
            Some("Multi-Factor Authentication Info")
        ));
        assert!(is_secret_property("key", Some("Two Factor Auth Info")));
        assert!(!is_secret_property("key", Some("Device")));
        assert!(!is_secret_property("key", Some("Application Key")));
        assert!(is_secret_property("key", None));
    }
}
