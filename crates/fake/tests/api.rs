//! What a user of the Me API meets: tokens and scopes, the user, two-factor auth, recent items,
//! invitations and usage counts, over real HTTP.

mod common;

use common::{totp_code, wrong_code, Api};
use serde_json::{json, Value};
use wegnology_fake::FakeConfig;

// ---- tokens and scopes ----

#[tokio::test]
async fn no_token_or_an_unknown_token_is_401_with_an_error_body() {
    let api = Api::start().await;
    api.send("GET", "/me", None, None).await.error(401);
    api.send("GET", "/me", Some("not-a-token"), None)
        .await
        .error(401);
    let answer = api
        .http
        .get(format!("{}/me", api.server.url()))
        .header("Authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await
        .expect("request");
    Api::answer(answer).await.error(401);
}

#[tokio::test]
async fn every_action_is_403_for_a_token_without_any_of_its_scopes() {
    let api = Api::start().await;
    // `me.connectGithub` is a real scope that no action of these documents lists.
    let outsider = api.server.mint_token(&["me.connectGithub"]);
    // Every action that needs a token (the authentication actions need none).
    for action in api
        .server
        .model()
        .actions
        .iter()
        .filter(|a| a.token_required)
    {
        assert!(!action.scopes.iter().any(|s| s == "me.connectGithub"));
        let path = action
            .path
            .replace("{inviteId}", "575ec8687ae143cd83dc4a97");
        let message = api
            .send(action.method.as_str(), &path, Some(&outsider), None)
            .await
            .error(403);
        assert!(message.contains(&action.scopes[0]), "{message}");
    }
}

#[tokio::test]
async fn a_token_with_one_listed_scope_is_enough() {
    let api = Api::start().await;
    let reader = api.server.mint_token(&["all.User.read"]);
    let me = api.send("GET", "/me", Some(&reader), None).await.ok();
    assert_eq!(me["email"], FakeConfig::DEFAULT_EMAIL);
    // `all.User.read` is not among `patch`'s scopes.
    api.send(
        "PATCH",
        "/me",
        Some(&reader),
        Some(&json!({"firstName": "X"})),
    )
    .await
    .error(403);
    let getter = api.server.mint_token(&["me.get"]);
    api.send("GET", "/me", Some(&getter), None).await.ok();
    api.send("GET", "/me/invites", Some(&getter), None)
        .await
        .error(403);
}

#[tokio::test]
async fn refresh_token_returns_a_new_working_token_with_the_same_scopes() {
    let api = Api::start().await;
    let refreshed = api.get("/me/refreshToken").await.ok();
    let token = refreshed["token"].as_str().expect("token").to_string();
    assert_ne!(token, api.token());
    assert_eq!(refreshed["userId"].as_str().map(str::len), Some(24));
    api.send("GET", "/me", Some(&token), None).await.ok();
    api.get("/me").await.ok();

    let narrow = api.server.mint_token(&["me.*", "me.get"]);
    let refreshed = api
        .send("GET", "/me/refreshToken", Some(&narrow), None)
        .await
        .ok();
    let narrow_again = refreshed["token"].as_str().expect("token").to_string();
    api.send("GET", "/me/invites", Some(&narrow_again), None)
        .await
        .ok();
    let only_get = api.server.mint_token(&["me.get"]);
    api.send("GET", "/me/refreshToken", Some(&only_get), None)
        .await
        .error(403);
}

// ---- the user ----

#[tokio::test]
async fn get_reports_the_user_and_a_summary_shaped_by_include_and_exclude() {
    let api = Api::start().await;
    let me = api.get("/me").await.ok();
    assert_eq!(me["email"], "user@example.com");
    assert_eq!(me["fullName"], "Example User");
    assert_eq!(me["twoFactorAuthEnabled"], false);
    assert_eq!(me["id"], me["userId"]);
    assert_eq!(me["summary"]["appCount"], 3);
    assert!(me["summary"].get("payloadCount").is_none());
    assert!(me.get("recentApplications").is_none());

    let me = api
        .get("/me?summaryInclude=payloadCount,storageStats&summaryExclude=deviceCount,appCount&includeRecent=true")
        .await
        .ok();
    let summary = &me["summary"];
    assert!(summary["payloadCount"].is_object());
    assert!(summary["storageStats"]["count"].is_i64());
    assert!(summary.get("deviceCount").is_none());
    assert!(summary.get("appCount").is_none());
    assert!(summary["dashCount"].is_i64());
    assert_eq!(me["recentApplications"]["itemType"], "application");
    assert_eq!(
        me["recentApplications"]["items"][0]["name"],
        "Greenhouse Monitor"
    );
    assert_eq!(
        me["recentDashboards"]["items"].as_array().map(Vec::len),
        Some(2)
    );

    let message = api.get("/me?summaryInclude=bogusCount").await.error(400);
    assert!(message.contains("bogusCount"), "{message}");
}

#[tokio::test]
async fn patch_changes_the_profile_and_reports_it() {
    let api = Api::start().await;
    let me = api
        .call(
            "PATCH",
            "/me?summaryExclude=appCount",
            Some(&json!({"firstName": "Grace", "lastName": "Hopper", "title": "Rear Admiral"})),
        )
        .await
        .ok();
    assert_eq!(me["fullName"], "Grace Hopper");
    assert_eq!(me["title"], "Rear Admiral");
    assert!(me["summary"].get("appCount").is_none());
    let me = api.get("/me").await.ok();
    assert_eq!(me["firstName"], "Grace");
    assert_eq!(me["email"], "user@example.com");

    let message = api
        .call("PATCH", "/me", Some(&json!({"firstName": ""})))
        .await
        .error(400);
    assert!(message.contains("/firstName"), "{message}");
    let message = api
        .call("PATCH", "/me", Some(&json!({"nickname": "G"})))
        .await
        .error(400);
    assert!(message.contains("nickname"), "{message}");
    api.call("PATCH", "/me", Some(&json!({"email": "not an email"})))
        .await
        .error(400);
    // The new password of a patch follows the same rule as change_password.
    api.call("PATCH", "/me", Some(&json!({"password": "alllowercase"})))
        .await
        .error(400);
}

#[tokio::test]
async fn patching_a_token_cutoff_kills_older_tokens() {
    let api = Api::start().await;
    let cutoff = chrono::Utc::now() + chrono::Duration::seconds(1);
    let cutoff = cutoff.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let me = api
        .call("PATCH", "/me", Some(&json!({"tokenCutoff": cutoff})))
        .await
        .ok();
    assert_eq!(me["tokenCutoff"], cutoff.as_str());
    api.get("/me").await.error(401);
}

#[tokio::test]
async fn change_password_checks_the_current_one_and_the_rule() {
    let api = Api::start().await;
    let message = api
        .call(
            "PATCH",
            "/me/changePassword",
            Some(&json!({"password": "wrong password", "newPassword": "Another-good-one-2"})),
        )
        .await
        .error(400);
    assert!(message.contains("password"), "{message}");
    // Each of these breaks one part of the rule: upper, symbol, digit, lower, length.
    for weak in [
        "no-upper-case-1",
        "NoSymbolsHere1",
        "No-digits-here",
        "NO-LOWER-CASE-1",
        "Short-1a",
    ] {
        let message = api
            .call(
                "PATCH",
                "/me/changePassword",
                Some(&json!({"password": FakeConfig::DEFAULT_PASSWORD, "newPassword": weak})),
            )
            .await
            .error(400);
        assert!(message.contains("/newPassword"), "{weak}: {message}");
        assert!(!message.contains(weak), "the password is echoed: {message}");
    }
}

#[tokio::test]
async fn change_password_without_invalidation_keeps_old_tokens() {
    let api = Api::start().await;
    let answer = api
        .call(
            "PATCH",
            "/me/changePassword",
            Some(&json!({"password": FakeConfig::DEFAULT_PASSWORD, "newPassword": "Another-good-one-2"})),
        )
        .await
        .ok();
    let new_token = answer["token"].as_str().expect("token").to_string();
    api.get("/me").await.ok();
    api.send("GET", "/me", Some(&new_token), None).await.ok();
    // The old password no longer works; the new one does.
    api.call(
        "PATCH",
        "/me/changePassword",
        Some(&json!({"password": FakeConfig::DEFAULT_PASSWORD, "newPassword": "Third-good-one-3"})),
    )
    .await
    .error(400);
    api.call(
        "PATCH",
        "/me/changePassword",
        Some(&json!({"password": "Another-good-one-2", "newPassword": "Third-good-one-3"})),
    )
    .await
    .ok();
}

#[tokio::test]
async fn change_password_with_invalidation_kills_old_tokens_and_the_new_one_works() {
    let api = Api::start().await;
    let other = api.server.mint_token(&["all.User"]);
    let answer = api
        .call(
            "PATCH",
            "/me/changePassword",
            Some(&json!({
                "password": FakeConfig::DEFAULT_PASSWORD,
                "newPassword": "Another-good-one-2",
                "invalidateExistingTokens": true,
            })),
        )
        .await
        .ok();
    let new_token = answer["token"].as_str().expect("token").to_string();
    api.get("/me").await.error(401);
    api.send("GET", "/me", Some(&other), None).await.error(401);
    let me = api.send("GET", "/me", Some(&new_token), None).await.ok();
    assert_eq!(me["email"], "user@example.com");
}

#[tokio::test]
async fn delete_checks_the_credentials_then_the_token_is_dead() {
    let api = Api::start().await;
    api.call(
        "POST",
        "/me/delete",
        Some(&json!({"email": "user@example.com", "password": "not the password"})),
    )
    .await
    .error(400);
    api.call(
        "POST",
        "/me/delete",
        Some(&json!({"email": "someone@example.com", "password": FakeConfig::DEFAULT_PASSWORD})),
    )
    .await
    .error(400);
    api.call(
        "POST",
        "/me/delete",
        Some(&json!({"email": "user@example.com"})),
    )
    .await
    .error(400);
    let answer = api
        .call(
            "POST",
            "/me/delete",
            Some(&json!({"email": "USER@example.com", "password": FakeConfig::DEFAULT_PASSWORD})),
        )
        .await
        .ok();
    assert_eq!(answer, json!({"success": true}));
    api.get("/me").await.error(401);
    api.get("/me/refreshToken").await.error(401);
}

#[tokio::test]
async fn verify_email_and_disconnect_github_show_in_get() {
    let api = Api::start().await;
    let me = api.get("/me").await.ok();
    assert_eq!(me["emailVerified"], false);
    assert_eq!(me["githubName"], "example-octocat");
    assert_eq!(
        api.call("POST", "/me/verify-email", None).await.ok(),
        json!({"success": true})
    );
    let me = api.call("PATCH", "/me/disconnectGithub", None).await.ok();
    assert!(me.get("githubName").is_none());
    assert_eq!(me["emailVerified"], true);
    assert_eq!(me["needsToVerifyEmail"], false);
    // A new email needs verifying again.
    let me = api
        .call("PATCH", "/me", Some(&json!({"email": "new@example.com"})))
        .await
        .ok();
    assert_eq!(me["emailVerified"], false);
}

// ---- two-factor auth ----

#[tokio::test]
async fn two_factor_flow_generate_enable_get_disable() {
    let api = Api::start().await;
    let password = FakeConfig::DEFAULT_PASSWORD;

    // Enabling before a key exists is refused.
    api.call(
        "PATCH",
        "/me/enableTwoFactorAuth",
        Some(&json!({"password": password, "twoFactorCode": "123456"})),
    )
    .await
    .error(400);

    let info = api
        .call("PATCH", "/me/generateTwoFactorAuth", None)
        .await
        .ok();
    let key = info["key"].as_str().expect("key").to_string();
    assert_eq!(key.len(), 52);
    let uri = info["keyUri"].as_str().expect("keyUri");
    assert!(uri.starts_with("otpauth://totp/"), "{uri}");
    assert!(uri.contains(&format!("secret={key}")), "{uri}");

    // Wrong code, wrong password, wrong key: all refused, still disabled.
    for body in [
        json!({"password": password, "twoFactorCode": wrong_code(&key)}),
        json!({"password": "not the password", "twoFactorCode": totp_code(&key)}),
        json!({"password": password, "twoFactorCode": totp_code(&key),
               "twoFactorAuthKey": "A".repeat(52)}),
    ] {
        api.call("PATCH", "/me/enableTwoFactorAuth", Some(&body))
            .await
            .error(400);
    }
    assert_eq!(api.get("/me").await.ok()["twoFactorAuthEnabled"], false);

    let me = api
        .call(
            "PATCH",
            "/me/enableTwoFactorAuth",
            Some(&json!({"twoFactorAuthKey": key, "password": password, "twoFactorCode": totp_code(&key)})),
        )
        .await
        .ok();
    assert_eq!(me["twoFactorAuthEnabled"], true);
    assert_eq!(api.get("/me").await.ok()["twoFactorAuthEnabled"], true);

    // With 2FA on, changing the password needs a code too.
    api.call(
        "PATCH",
        "/me/changePassword",
        Some(&json!({"password": password, "newPassword": "Another-good-one-2"})),
    )
    .await
    .error(400);

    api.call(
        "PATCH",
        "/me/disableTwoFactorAuth",
        Some(&json!({"password": password, "twoFactorCode": wrong_code(&key)})),
    )
    .await
    .error(400);
    let me = api
        .call(
            "PATCH",
            "/me/disableTwoFactorAuth",
            Some(&json!({"password": password, "twoFactorCode": totp_code(&key)})),
        )
        .await
        .ok();
    assert_eq!(me["twoFactorAuthEnabled"], false);
    assert_eq!(api.get("/me").await.ok()["twoFactorAuthEnabled"], false);
    api.call(
        "PATCH",
        "/me/disableTwoFactorAuth",
        Some(&json!({"password": password, "twoFactorCode": totp_code(&key)})),
    )
    .await
    .error(400);
}

// ---- recent items ----

#[tokio::test]
async fn recent_items_are_per_type_and_parent_most_recent_first_and_bounded() {
    let api = Api::start().await;
    let parent = "575ec8687ae143cd83dc4a97";
    let seeded = api.get("/me/recentItems?itemType=application").await.ok();
    assert_eq!(seeded["items"].as_array().map(Vec::len), Some(3));
    let empty = api
        .get(&format!(
            "/me/recentItems?itemType=device&parentId={parent}"
        ))
        .await
        .ok();
    assert_eq!(empty["items"], json!([]));
    assert_eq!(empty["parentId"], parent);

    let device = |n: usize| format!("{n:024x}");
    for n in 0..15 {
        let list = api
            .call(
                "POST",
                "/me/recentItems",
                Some(&json!({"itemType": "device", "parentId": parent, "itemId": device(n)})),
            )
            .await
            .ok();
        assert_eq!(list["items"][0]["id"], device(n));
    }
    // Touching an old one moves it to the front without duplicating it.
    api.call(
        "POST",
        "/me/recentItems",
        Some(&json!({"itemType": "device", "parentId": parent, "itemId": device(10)})),
    )
    .await
    .ok();
    let list = api
        .get(&format!(
            "/me/recentItems?itemType=device&parentId={parent}"
        ))
        .await
        .ok();
    let ids: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["id"].as_str().expect("id"))
        .collect();
    let expected: Vec<String> = [10, 14, 13, 12, 11, 9, 8, 7, 6, 5]
        .into_iter()
        .map(device)
        .collect();
    assert_eq!(ids, expected);

    // Other parents and types are separate lists.
    let other = api.get("/me/recentItems?itemType=device").await.ok();
    assert_eq!(other["items"], json!([]));
    let flows = api.get("/me/recentItems?itemType=flow").await.ok();
    assert_eq!(flows["items"], json!([]));

    api.get("/me/recentItems").await.error(400);
    api.get("/me/recentItems?itemType=gadget").await.error(400);
    api.call(
        "POST",
        "/me/recentItems",
        Some(&json!({"itemType": "device", "itemId": "not-an-id"})),
    )
    .await
    .error(400);
}

// ---- invitations ----

#[tokio::test]
async fn invitations_list_get_and_respond() {
    let api = Api::start().await;
    let ids = api.server.invite_ids();
    let invites = api.get("/me/invites").await.ok();
    let invites = invites.as_array().expect("array");
    assert_eq!(invites.len(), 3);
    assert_eq!(invites[0]["expired"], false);
    assert_eq!(invites[2]["expired"], true);

    let invite = api.get(&format!("/me/invites/{}", ids[0])).await.ok();
    assert_eq!(invite["orgName"], "Acme Industrial");
    assert_eq!(invite["id"], ids[0].as_str());
    let expired = api.get(&format!("/me/invites/{}", ids[2])).await.ok();
    assert_eq!(expired["expired"], true);

    api.get("/me/invites/ffffffffffffffffffffffff")
        .await
        .error(404);
    api.get("/me/invites/not-an-id").await.error(400);

    let before = api.get("/me").await.ok()["summary"]["orgCount"].clone();
    let accepted = api
        .call(
            "POST",
            &format!("/me/invites/{}", ids[0]),
            Some(&json!({"action": "accept"})),
        )
        .await
        .ok();
    assert_eq!(accepted["result"], "accepted");
    assert_eq!(accepted["orgId"].as_str().map(str::len), Some(24));
    let after = api.get("/me").await.ok()["summary"]["orgCount"].clone();
    assert_eq!(after.as_i64(), before.as_i64().map(|n| n + 1));
    // Answered invitations are gone.
    api.get(&format!("/me/invites/{}", ids[0])).await.error(404);
    api.call(
        "POST",
        &format!("/me/invites/{}", ids[0]),
        Some(&json!({"action": "accept"})),
    )
    .await
    .error(404);

    api.call(
        "POST",
        &format!("/me/invites/{}", ids[1]),
        Some(&json!({"action": "maybe"})),
    )
    .await
    .error(400);
    let rejected = api
        .call(
            "POST",
            &format!("/me/invites/{}", ids[1]),
            Some(&json!({"action": "reject"})),
        )
        .await
        .ok();
    assert_eq!(rejected["result"], "rejected");

    let message = api
        .call(
            "POST",
            &format!("/me/invites/{}", ids[2]),
            Some(&json!({"action": "accept"})),
        )
        .await
        .error(410);
    assert!(message.contains("expired"), "{message}");
    assert_eq!(
        api.get("/me/invites").await.ok().as_array().map(Vec::len),
        Some(1)
    );
}

#[tokio::test]
async fn dismissing_an_invitation() {
    let api = Api::start().await;
    let ids = api.server.invite_ids();
    let answer = api
        .call(
            "POST",
            &format!("/me/invites/{}", ids[1]),
            Some(&json!({"action": "dismiss"})),
        )
        .await
        .ok();
    assert_eq!(answer["result"], "dismissed");
}

// ---- transfers ----

#[tokio::test]
async fn transfer_resources_moves_owned_applications_away() {
    let api = Api::start().await;
    let apps = api.server.application_ids();
    let answer = api
        .call(
            "PATCH",
            "/me/transferResources",
            Some(&json!({"destinationId": "575ed6e87ae143cd83dc4aa8", "destinationType": "organization", "applicationIds": [apps[0]]})),
        )
        .await
        .ok();
    assert_eq!(answer, json!({"success": true}));
    assert_eq!(api.get("/me").await.ok()["summary"]["appCount"], 2);

    // Strict transfers refuse what the user does not own; to oneself is refused.
    let message = api
        .call(
            "PATCH",
            "/me/transferResources",
            Some(&json!({"destinationId": "575ed6e87ae143cd83dc4aa8", "destinationType": "organization", "applicationIds": [apps[0]], "strict": true})),
        )
        .await
        .error(400);
    assert!(message.contains(&apps[0]), "{message}");
    let me = api.get("/me").await.ok();
    let user_id = me["id"].as_str().expect("id");
    api.call(
        "PATCH",
        "/me/transferResources",
        Some(&json!({"destinationId": user_id, "destinationType": "user"})),
    )
    .await
    .error(400);
    api.call(
        "PATCH",
        "/me/transferResources",
        Some(&json!({"destinationType": "user"})),
    )
    .await
    .error(400);
}

// ---- usage counts ----

fn dates(body: &Value) -> Vec<i64> {
    body["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .map(|count| {
            chrono::DateTime::parse_from_rfc3339(count["date"].as_str().expect("date"))
                .expect("RFC 3339 date")
                .timestamp_millis()
        })
        .collect()
}

#[tokio::test]
async fn counts_cover_the_requested_range_and_are_deterministic_for_a_seed() {
    let seeded = |seed| FakeConfig {
        seed,
        ..FakeConfig::default()
    };
    let first = Api::start_with(seeded(42)).await;
    let second = Api::start_with(seeded(42)).await;
    let other = Api::start_with(seeded(43)).await;
    let (start, end) = (1_465_000_000_000_i64, 1_465_790_400_000_i64);
    for path in [
        "/me/deviceCounts",
        "/me/notebookMinuteCounts",
        "/me/payloadCountsBreakdown",
        "/me/payloadCountsBreakdown?resolution=3600000&includeNonBillable=true",
    ] {
        let separator = if path.contains('?') { '&' } else { '?' };
        let query = format!("{path}{separator}start={start}&end={end}");
        let a = first.get(&query).await.ok();
        assert_eq!(a, second.get(&query).await.ok(), "{query}");
        assert_ne!(a, other.get(&query).await.ok(), "{query}");
        let dates = dates(&a);
        assert!(!dates.is_empty(), "{query}");
        assert!(dates.iter().all(|d| (start..=end).contains(d)), "{query}");
        assert!(dates.windows(2).all(|w| w[0] < w[1]), "{query}");
        assert_eq!(a["end"], "2016-06-13T04:00:00.000Z");
    }
    let daily = first
        .get(&format!(
            "/me/payloadCountsBreakdown?start={start}&end={end}"
        ))
        .await
        .ok();
    let hourly = first
        .get(&format!(
            "/me/payloadCountsBreakdown?start={start}&end={end}&resolution=3600000"
        ))
        .await
        .ok();
    let daily_dates = dates(&daily);
    assert_eq!(daily_dates.len(), 10);
    assert_eq!(dates(&hourly).len(), 221);

    let stats = first
        .get(&format!("/me/payloadCounts?start={start}&end={end}"))
        .await
        .ok();
    assert_eq!(
        stats,
        second
            .get(&format!("/me/payloadCounts?start={start}&end={end}"))
            .await
            .ok()
    );
    let bytes = first
        .get(&format!(
            "/me/payloadCounts?start={start}&end={end}&asBytes=true"
        ))
        .await
        .ok();
    let count = stats["deviceState"]["device.mqtt"].as_u64().expect("count");
    let size = bytes["deviceState"]["device.mqtt"].as_u64().expect("bytes");
    assert!(size > count, "{count} payloads, {size} bytes");

    let breakdown_bytes = first
        .get(&format!(
            "/me/payloadCountsBreakdown?start={start}&end={end}&asBytes=true"
        ))
        .await
        .ok();
    assert!(
        breakdown_bytes["counts"][0]["value"].as_u64() > daily["counts"][0]["value"].as_u64()
            || daily["counts"][0]["value"] == 0
    );
}

#[tokio::test]
async fn default_range_ends_now() {
    let api = Api::start().await;
    let before = chrono::Utc::now().timestamp_millis();
    let counts = api.get("/me/deviceCounts").await.ok();
    let after = chrono::Utc::now().timestamp_millis();
    let dates = dates(&counts);
    assert_eq!(dates.len(), 31);
    let last = *dates.last().expect("a date");
    assert!(last <= after && last > before - 86_400_000);
}

#[tokio::test]
async fn bad_count_queries_are_400() {
    let api = Api::start().await;
    for query in [
        "/me/deviceCounts?start=yesterday",
        "/me/deviceCounts?start=10&end=5",
        "/me/deviceCounts?start=-1",
        "/me/deviceCounts?end=99999999999999999",
        "/me/deviceCounts?end=99999999999999999999999999",
        "/me/payloadCountsBreakdown?resolution=60000",
        "/me/payloadCountsBreakdown?asBytes=yes",
        "/me/payloadCounts?asBytes=1",
        "/me/notebookMinuteCounts?start=1&start=2",
    ] {
        let message = api.get(query).await.error(400);
        assert!(!message.is_empty(), "{query}");
    }
}

#[tokio::test]
async fn debug_output_hides_tokens_and_passwords() {
    let api = Api::start().await;
    let shown = format!("{:?} {:?}", api.server, FakeConfig::default());
    assert!(!shown.contains(api.server.token()), "{shown}");
    assert!(!shown.contains(FakeConfig::DEFAULT_PASSWORD), "{shown}");
    assert!(shown.contains("[redacted]"), "{shown}");
}
