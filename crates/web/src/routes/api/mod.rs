//! The JSON API under `/api/v1`, described by an OpenAPI document generated
//! from the handlers (so it cannot drift) and served at `/api/v1/openapi.json`.

mod dto;
mod items;
mod json;
mod participant;
mod staff;

use crate::state::AppState;
use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi as _};
use utoipa_axum::router::OpenApiRouter;

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Koers API",
        description = "Live sessions for youth policy: join by code, answer, steer. Errors are `{\"error\":{\"code\",\"message\"}}`; messages follow `Accept-Language` (nl, en).",
        license(name = "EUPL-1.2")
    ),
    modifiers(&Security),
    tags(
        (name = "participant", description = "Phones and table tablets: no account, a device token"),
        (name = "staff", description = "Facilitators: bearer token from /api/v1/auth/login")
    )
)]
struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, api: &mut OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "participant",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "Authorization",
                "`Participant TOKEN`, with the token from /api/v1/join",
            ))),
        );
        components.add_security_scheme(
            "device_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "kp_SESSIONID",
                "Set by joining; browsers send it by themselves (with X-CSRF-Token on changes)",
            ))),
        );
    }
}

fn api() -> (Router<AppState>, OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(participant::router())
        .merge(items::router())
        .merge(staff::router())
        .split_for_parts()
}

/// The OpenAPI document.
pub fn openapi_json() -> String {
    api().1.to_pretty_json().unwrap_or_default()
}

/// The API routes, and the route serving their description.
pub fn router() -> Router<AppState> {
    let (router, doc) = api();
    let doc = std::sync::Arc::new(doc);
    router.route(
        "/api/v1/openapi.json",
        get(move || async move { Json(doc.as_ref().clone()) }),
    )
}
