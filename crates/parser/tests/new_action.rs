//! A new action written in the documents' format appears in the model with no code change.

mod common;

use common::{documents, edit};
use wegnology_model::{Location, Method, ParamType};

#[test]
fn a_new_action_appears_in_the_model() {
    let mut docs = documents();
    docs.reference = edit(
        &docs.reference,
        "*   [Verify Email](#verify-email)",
        "*   [Verify Email](#verify-email)\n*   [Verify Phone](#verify-phone)",
    );
    docs.reference.push_str(
        "
<br/>

## Verify Phone

Sends a text message verification to the user

```python
result = client.me.verify_phone(phoneNumber=my_phone_number)

print(result)
```

#### Authentication
The client must be configured with a valid api access token to call this
action. The token must include at least one of the following scopes:
all.User, me.*, or me.verifyPhone.

#### Available Parameters

| Name | Type | Required | Description | Default | Example |
| ---- | ---- | -------- | ----------- | ------- | ------- |
| phoneNumber | string | Y | Number to text |  | 15555550100 |
| losantdomain | string | N | Domain scope of request (rarely needed) |  | example.com |

#### Successful Responses

| Code | Type | Description |
| ---- | ---- | ----------- |
| 200 | [Success](_schemas.md#success) | If the text was sent |

#### Error Responses

| Code | Type | Description |
| ---- | ---- | ----------- |
| 400 | [Error](_schemas.md#error) | Error if malformed request |
",
    );
    docs.rest = edit(
        &docs.rest,
        "Was this page helpful?",
        "Verify Phone
Sends a text message verification to the user
Method And Url
POST https://api.app.wnology.io/me/verify-phone
Authentication
A valid api access token is required to access this endpoint. The token must include at least one of the following scopes: all.User, me.*, or me.verifyPhone.
Request Query Parameters
Name | Required | Description | Default | Example |
---|---|---|---|---|
phoneNumber | Y | Number to text | phoneNumber=15555550100 |
Request Headers
Name | Required | Description | Default |
---|---|---|---|
Authorization | Y | The token for authenticating the request, prepended with Bearer |
Successful Responses
Code | Type | Description |
---|---|---|
200 | Success | If the text was sent |
Error Responses
Code | Type | Description |
---|---|---|
400 | Error | Error if malformed request |
Was this page helpful?",
    );
    let model = wegnology_parser::parse(&docs).unwrap();
    assert_eq!(model.actions.len(), 21);
    let action = model.action("me", "verify_phone").unwrap();
    assert_eq!(
        (
            action.method,
            action.path.as_str(),
            action.camel_name.as_str()
        ),
        (Method::Post, "/me/verify-phone", "verifyPhone")
    );
    assert_eq!(action.scopes, ["all.User", "me.*", "me.verifyPhone"]);
    let phone = &action.params[0];
    assert_eq!(
        (
            phone.name.as_str(),
            phone.location,
            &phone.ty,
            phone.required
        ),
        ("phoneNumber", Location::Query, &ParamType::Integer, true)
    );
    assert_eq!(action.success().schema.as_deref(), Some("success"));
    // The JS page lacks it: reported, not an error.
    assert!(model
        .diagnostics
        .iter()
        .any(|d| d.action.as_deref() == Some("Verify Phone")
            && d.message.contains("no `client.me.verifyPhone`")));
}
