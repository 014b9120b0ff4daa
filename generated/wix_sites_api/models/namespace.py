from enum import StrEnum


class Namespace(StrEnum):
    ACCOUNT_MASTER_CMS = "ACCOUNT_MASTER_CMS"
    ALBUMS = "ALBUMS"
    ANYWHERE = "ANYWHERE"
    BRANDED_FIRST = "BRANDED_FIRST"
    CLUBS = "CLUBS"
    CREATOR_ECONOMY = "CREATOR_ECONOMY"
    DASHBOARD_FIRST = "DASHBOARD_FIRST"
    DEV_CENTER_COMPANY = "DEV_CENTER_COMPANY"
    DEV_SITE = "DEV_SITE"
    HEADLESS = "HEADLESS"
    HOTELS = "HOTELS"
    HTML_DRAFT = "HTML_DRAFT"
    LOGOS = "LOGOS"
    ONBOARDING_DRAFT = "ONBOARDING_DRAFT"
    PARTNER_DASHBOARD = "PARTNER_DASHBOARD"
    RISE = "RISE"
    SHOUT_OUT = "SHOUT_OUT"
    SITELESS_BUSINESS = "SITELESS_BUSINESS"
    UNKNOWN_NAMESPACE = "UNKNOWN_NAMESPACE"
    VIDEO_MAKER = "VIDEO_MAKER"
    WIX = "WIX"
    WIX_STORES_TEST_DRIVE = "WIX_STORES_TEST_DRIVE"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_value(cls, value: str) -> "Namespace | str":
        """The member whose value is `value`, or `value` itself when it is none of them."""
        return BY_VALUE.get(value, value)


BY_VALUE: dict[str, Namespace] = {member.value: member for member in Namespace}
