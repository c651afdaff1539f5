"""contracts/listed.py: which row links of a spec lead from a list to each of its rows, and the
parameters they read from a list answer."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.listed import list_links
from didit_spec import OpenAPIDocument, didit_document


def _document(links: dict[str, Any]) -> OpenAPIDocument:
    def get(operation_id: str, **extra: Any) -> dict[str, Any]:
        return {"get": {"operationId": operation_id, "responses": {"200": {**extra}}}}

    return OpenAPIDocument(
        {
            "openapi": "3.1.0",
            "info": {"title": "lists", "version": "1"},
            "paths": {
                "/things/": get("list_things", **{"x-row-links": links}),
                "/things/{id}/": get("get_thing"),
            },
            "components": {
                "links": {
                    "ListedThing": {
                        "operationId": "get_thing",
                        "parameters": {"id": "$response.body#/results/0/thing_id"},
                    }
                }
            },
        },
        "urn:test:lists",
    )


def test_list_links_read_only_row_links() -> None:
    link = {"$ref": "#/components/links/ListedThing"}
    document = _document({})
    document.contents["paths"]["/things/"]["get"]["responses"]["200"]["links"] = {"Get": link}
    assert list(list_links(document)) == []


def test_list_links_follow_a_referenced_link_to_its_rows() -> None:
    [link] = list_links(_document({"Get": {"$ref": "#/components/links/ListedThing"}}))
    assert (link.name, link.source.operation_id, link.target.operation_id) == (
        "Get",
        "list_things",
        "get_thing",
    )
    assert (link.rows, dict(link.parameters)) == ("/results", {"id": "/thing_id"})


@pytest.mark.parametrize(
    "link",
    [
        # The answer itself, not a row of it.
        {"operationId": "get_thing", "parameters": {"id": "$response.body#/thing_id"}},
        # A row's parameter beside one from elsewhere.
        {
            "operationId": "get_thing",
            "parameters": {"id": "$response.body#/results/0/id", "x": "$request.query.x"},
        },
        # Two arrays: not one row.
        {
            "operationId": "get_thing",
            "parameters": {"id": "$response.body#/a/0/id", "other": "$response.body#/b/0/id"},
        },
        # A row as a whole, no member of it.
        {"operationId": "get_thing", "parameters": {"id": "$response.body#/results/0"}},
        # It sends a body: not a read of the row.
        {
            "operationId": "get_thing",
            "parameters": {"id": "$response.body#/results/0/id"},
            "requestBody": {"id": "$response.body#/results/0/id"},
        },
    ],
    ids=["whole-answer", "mixed", "two-arrays", "whole-row", "with-body"],
)
def test_list_links_leave_out_links_that_do_not_read_one_row(link: dict[str, Any]) -> None:
    assert list(list_links(_document({"Other": link}))) == []


def test_list_link_arguments_read_each_row_up_to_the_limit() -> None:
    [link] = list_links(_document({"Get": {"$ref": "#/components/links/ListedThing"}}))
    answer = {"results": [{"thing_id": "a"}, {"other": 1}, {"thing_id": "b"}, {"thing_id": "c"}]}
    # A row without the member names nothing, and is passed over.
    assert link.arguments(answer, 2) == [{"id": "a"}, {"id": "b"}]
    assert link.arguments({"results": []}, 2) == []


def test_list_link_arguments_refuse_an_answer_without_the_array() -> None:
    [link] = list_links(_document({"Get": {"$ref": "#/components/links/ListedThing"}}))
    with pytest.raises(ValueError, match="/results is not an array"):
        link.arguments({"results": {"thing_id": "a"}}, 2)


def test_spec_list_links_give_every_path_parameter_of_their_target() -> None:
    document = didit_document()
    links = list(list_links(document))
    assert links, "openapi.yaml links no list to its rows"
    for link in links:
        path_parameters = {
            name for (where, name) in document.parameters(link.target) if where == "path"
        }
        assert set(link.parameters) == path_parameters, link.name
        assert link.target.method == "get", f"{link.name} follows a list to a write"
