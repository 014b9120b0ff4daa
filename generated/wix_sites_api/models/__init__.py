"""Contains all the data models used in inputs/outputs"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .application_error import ApplicationError
    from .application_error_data import ApplicationErrorData
    from .bulk_action_metadata import BulkActionMetadata
    from .bulk_delete_site_request import BulkDeleteSiteRequest
    from .bulk_delete_site_response import BulkDeleteSiteResponse
    from .bulk_site_result import BulkSiteResult
    from .count_sites_request import CountSitesRequest
    from .count_sites_response import CountSitesResponse
    from .create_folder_request import CreateFolderRequest
    from .cursor_paging import CursorPaging
    from .cursor_paging_metadata import CursorPagingMetadata
    from .cursors import Cursors
    from .deprecated_cursor_paging import DeprecatedCursorPaging
    from .deprecated_cursor_paging_cursor_type_1 import (
        DeprecatedCursorPagingCursorType1,
    )
    from .duplicate_site_request import DuplicateSiteRequest
    from .duplicate_site_response import DuplicateSiteResponse
    from .editor_type import EditorType
    from .empty import Empty
    from .field_mask import FieldMask
    from .field_mask_path import FieldMaskPath
    from .field_violation import FieldViolation
    from .field_violation_data import FieldViolationData
    from .filter_ import Filter
    from .folder import Folder
    from .folder_basic_info import FolderBasicInfo
    from .folder_created_event import FolderCreatedEvent
    from .folder_deleted_event import FolderDeletedEvent
    from .folder_entity_created import FolderEntityCreated
    from .folder_entity_deleted import FolderEntityDeleted
    from .folder_entity_updated import FolderEntityUpdated
    from .folder_patch import FolderPatch
    from .folder_response import FolderResponse
    from .folder_updated_event import FolderUpdatedEvent
    from .folders_query import FoldersQuery
    from .item_error import ItemError
    from .item_metadata import ItemMetadata
    from .legacy_cursor_page import LegacyCursorPage
    from .legacy_error import LegacyError
    from .move_folders_request import MoveFoldersRequest
    from .move_folders_response import MoveFoldersResponse
    from .move_site_to_folder_body import MoveSiteToFolderBody
    from .move_sites_to_folder_request import MoveSitesToFolderRequest
    from .namespace import Namespace
    from .new_folder import NewFolder
    from .offset_paging_metadata import OffsetPagingMetadata
    from .paging import Paging
    from .publish_site_request import PublishSiteRequest
    from .query_folders_request import QueryFoldersRequest
    from .query_folders_response import QueryFoldersResponse
    from .query_sites_request import QuerySitesRequest
    from .query_sites_response import QuerySitesResponse
    from .site import Site
    from .site_created_event import SiteCreatedEvent
    from .site_deleted_event import SiteDeletedEvent
    from .site_entity_created import SiteEntityCreated
    from .site_entity_deleted import SiteEntityDeleted
    from .site_entity_updated import SiteEntityUpdated
    from .site_id_filter import SiteIdFilter
    from .site_id_in import SiteIdIn
    from .site_transfer import SiteTransfer
    from .site_updated_event import SiteUpdatedEvent
    from .sites_moved_to_folder_action import SitesMovedToFolderAction
    from .sites_moved_to_folder_event import SitesMovedToFolderEvent
    from .sites_query import SitesQuery
    from .sort_order import SortOrder
    from .sorting import Sorting
    from .transfer_site_request import TransferSiteRequest
    from .transfer_site_response import TransferSiteResponse
    from .update_folder_request import UpdateFolderRequest
    from .validation_error import ValidationError
    from .webhook_envelope import WebhookEnvelope
    from .webhook_event_fields import WebhookEventFields
    from .webhook_identity import WebhookIdentity
    from .webhook_identity_identity_type import WebhookIdentityIdentityType
    from .webhook_jwt_claims import WebhookJwtClaims
    from .wix_error import WixError
    from .wix_error_details import WixErrorDetails

#: the module of each model, by name
_MODULES = {
    "ApplicationError": "application_error",
    "ApplicationErrorData": "application_error_data",
    "BulkActionMetadata": "bulk_action_metadata",
    "BulkDeleteSiteRequest": "bulk_delete_site_request",
    "BulkDeleteSiteResponse": "bulk_delete_site_response",
    "BulkSiteResult": "bulk_site_result",
    "CountSitesRequest": "count_sites_request",
    "CountSitesResponse": "count_sites_response",
    "CreateFolderRequest": "create_folder_request",
    "CursorPaging": "cursor_paging",
    "CursorPagingMetadata": "cursor_paging_metadata",
    "Cursors": "cursors",
    "DeprecatedCursorPaging": "deprecated_cursor_paging",
    "DeprecatedCursorPagingCursorType1": "deprecated_cursor_paging_cursor_type_1",
    "DuplicateSiteRequest": "duplicate_site_request",
    "DuplicateSiteResponse": "duplicate_site_response",
    "EditorType": "editor_type",
    "Empty": "empty",
    "FieldMask": "field_mask",
    "FieldMaskPath": "field_mask_path",
    "FieldViolation": "field_violation",
    "FieldViolationData": "field_violation_data",
    "Filter": "filter_",
    "Folder": "folder",
    "FolderBasicInfo": "folder_basic_info",
    "FolderCreatedEvent": "folder_created_event",
    "FolderDeletedEvent": "folder_deleted_event",
    "FolderEntityCreated": "folder_entity_created",
    "FolderEntityDeleted": "folder_entity_deleted",
    "FolderEntityUpdated": "folder_entity_updated",
    "FolderPatch": "folder_patch",
    "FolderResponse": "folder_response",
    "FolderUpdatedEvent": "folder_updated_event",
    "FoldersQuery": "folders_query",
    "ItemError": "item_error",
    "ItemMetadata": "item_metadata",
    "LegacyCursorPage": "legacy_cursor_page",
    "LegacyError": "legacy_error",
    "MoveFoldersRequest": "move_folders_request",
    "MoveFoldersResponse": "move_folders_response",
    "MoveSiteToFolderBody": "move_site_to_folder_body",
    "MoveSitesToFolderRequest": "move_sites_to_folder_request",
    "Namespace": "namespace",
    "NewFolder": "new_folder",
    "OffsetPagingMetadata": "offset_paging_metadata",
    "Paging": "paging",
    "PublishSiteRequest": "publish_site_request",
    "QueryFoldersRequest": "query_folders_request",
    "QueryFoldersResponse": "query_folders_response",
    "QuerySitesRequest": "query_sites_request",
    "QuerySitesResponse": "query_sites_response",
    "Site": "site",
    "SiteCreatedEvent": "site_created_event",
    "SiteDeletedEvent": "site_deleted_event",
    "SiteEntityCreated": "site_entity_created",
    "SiteEntityDeleted": "site_entity_deleted",
    "SiteEntityUpdated": "site_entity_updated",
    "SiteIdFilter": "site_id_filter",
    "SiteIdIn": "site_id_in",
    "SiteTransfer": "site_transfer",
    "SiteUpdatedEvent": "site_updated_event",
    "SitesMovedToFolderAction": "sites_moved_to_folder_action",
    "SitesMovedToFolderEvent": "sites_moved_to_folder_event",
    "SitesQuery": "sites_query",
    "SortOrder": "sort_order",
    "Sorting": "sorting",
    "TransferSiteRequest": "transfer_site_request",
    "TransferSiteResponse": "transfer_site_response",
    "UpdateFolderRequest": "update_folder_request",
    "ValidationError": "validation_error",
    "WebhookEnvelope": "webhook_envelope",
    "WebhookEventFields": "webhook_event_fields",
    "WebhookIdentity": "webhook_identity",
    "WebhookIdentityIdentityType": "webhook_identity_identity_type",
    "WebhookJwtClaims": "webhook_jwt_claims",
    "WixError": "wix_error",
    "WixErrorDetails": "wix_error_details",
}

__all__ = (
    "ApplicationError",
    "ApplicationErrorData",
    "BulkActionMetadata",
    "BulkDeleteSiteRequest",
    "BulkDeleteSiteResponse",
    "BulkSiteResult",
    "CountSitesRequest",
    "CountSitesResponse",
    "CreateFolderRequest",
    "CursorPaging",
    "CursorPagingMetadata",
    "Cursors",
    "DeprecatedCursorPaging",
    "DeprecatedCursorPagingCursorType1",
    "DuplicateSiteRequest",
    "DuplicateSiteResponse",
    "EditorType",
    "Empty",
    "FieldMask",
    "FieldMaskPath",
    "FieldViolation",
    "FieldViolationData",
    "Filter",
    "Folder",
    "FolderBasicInfo",
    "FolderCreatedEvent",
    "FolderDeletedEvent",
    "FolderEntityCreated",
    "FolderEntityDeleted",
    "FolderEntityUpdated",
    "FolderPatch",
    "FolderResponse",
    "FolderUpdatedEvent",
    "FoldersQuery",
    "ItemError",
    "ItemMetadata",
    "LegacyCursorPage",
    "LegacyError",
    "MoveFoldersRequest",
    "MoveFoldersResponse",
    "MoveSiteToFolderBody",
    "MoveSitesToFolderRequest",
    "Namespace",
    "NewFolder",
    "OffsetPagingMetadata",
    "Paging",
    "PublishSiteRequest",
    "QueryFoldersRequest",
    "QueryFoldersResponse",
    "QuerySitesRequest",
    "QuerySitesResponse",
    "Site",
    "SiteCreatedEvent",
    "SiteDeletedEvent",
    "SiteEntityCreated",
    "SiteEntityDeleted",
    "SiteEntityUpdated",
    "SiteIdFilter",
    "SiteIdIn",
    "SiteTransfer",
    "SiteUpdatedEvent",
    "SitesMovedToFolderAction",
    "SitesMovedToFolderEvent",
    "SitesQuery",
    "SortOrder",
    "Sorting",
    "TransferSiteRequest",
    "TransferSiteResponse",
    "UpdateFolderRequest",
    "ValidationError",
    "WebhookEnvelope",
    "WebhookEventFields",
    "WebhookIdentity",
    "WebhookIdentityIdentityType",
    "WebhookJwtClaims",
    "WixError",
    "WixErrorDetails",
)


# under `not TYPE_CHECKING`: a type checker sees the names above, and reports any other
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(f"{__name__}.{module}"), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
