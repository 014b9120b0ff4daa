"""Contains all the data models used in inputs/outputs"""

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
from .deprecated_cursor_paging_cursor_type_1 import DeprecatedCursorPagingCursorType1
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
