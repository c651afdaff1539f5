from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="ClientToken")


@_attrs_define
class ClientToken:
    """A client access token for the v2 API. `expires_in` is 86400 (24 hours) in Didit's example;
    `exp` and `iat` are Unix times in seconds.

        Attributes:
            access_token (str): The bearer token; send it as `Authorization: Bearer …`.
            expires_in (int): Seconds until the token expires.
            exp (int | Unset): Expiry, Unix seconds.
            iat (int | Unset): Issue time, Unix seconds.
            iss (str | Unset): Issuer.
            sub (str | Unset): Subject (the client).
            client_id (str | Unset): The client id the token was issued to.
            organization_id (str | Unset): The organisation that owns the client.
    """

    access_token: str = _attrs_field(repr=False)
    expires_in: int
    exp: int | Unset = UNSET
    iat: int | Unset = UNSET
    iss: str | Unset = UNSET
    sub: str | Unset = UNSET
    client_id: str | Unset = UNSET
    organization_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        exp = self.exp

        iat = self.iat

        iss = self.iss

        sub = self.sub

        client_id = self.client_id

        organization_id = self.organization_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
            }
        )
        if exp is not UNSET:
            field_dict["exp"] = exp
        if iat is not UNSET:
            field_dict["iat"] = iat
        if iss is not UNSET:
            field_dict["iss"] = iss
        if sub is not UNSET:
            field_dict["sub"] = sub
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        exp = d.pop("exp", UNSET)

        iat = d.pop("iat", UNSET)

        iss = d.pop("iss", UNSET)

        sub = d.pop("sub", UNSET)

        client_id = d.pop("client_id", UNSET)

        organization_id = d.pop("organization_id", UNSET)

        client_token = cls(
            access_token=access_token,
            expires_in=expires_in,
            exp=exp,
            iat=iat,
            iss=iss,
            sub=sub,
            client_id=client_id,
            organization_id=organization_id,
        )

        client_token.additional_properties = d
        return client_token

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
