"""The OpenAPI schema says what the API really does: anonymous reads, and every error it answers with."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly

FIELD_ERRORS = {
    "type": "object",
    "description": "The parameters or fields at fault, each with its messages (`detail` when no single one is).",
    "additionalProperties": {
        "oneOf": [
            {"type": "array", "items": {"type": "string"}},
            {"type": "object"},  # a list field's errors, by index
            {"type": "string"},
        ],
    },
    "example": {"date_from": ["Enter a valid date."]},
}
DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
ERRORS = {
    "400": ("FieldErrors", FIELD_ERRORS, "Malformed input: the parameters or fields at fault."),
    "401": ("Detail", DETAIL, "No valid credentials (token or session)."),
    "403": ("Detail", DETAIL, "Not an editor, or a session request without its CSRF token."),
    "404": ("Detail", DETAIL, "No such object, or a page past the last."),
    "429": ("Detail", DETAIL, "Too many requests from this anonymous client; see Retry-After."),
}


class ArchiveAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        anonymous_reads = any(isinstance(p, DjangoModelPermissionsOrAnonReadOnly) for p in self.view.get_permissions())
        if anonymous_reads and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_parameters(self):
        parameters = super()._get_parameters()
        for parameter in parameters:
            if parameter["in"] == "query" and not parameter.get("required"):
                # An empty value is no value: `?country=&kind=speech` (what an HTML form sends) filters by kind only.
                parameter["allowEmptyValue"] = True
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = ["400", "429"]
        if "{" in self.path or self._is_list_view():
            codes.append("404")
        if self.method not in SAFE_METHODS:
            codes += ["401", "403"]
        for code in sorted(codes):
            if code in responses:
                continue
            name, schema, description = ERRORS[code]
            component = ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema)
            self.registry.register_on_missing(component)
            responses[code] = {
                "content": {"application/json": {"schema": component.ref}},
                "description": description,
            }
        return responses
