"""Contains all the data models used in inputs/outputs"""

from .api_key import ApiKey
from .api_key_list import ApiKeyList
from .api_key_scopes_item import ApiKeyScopesItem
from .approve_device_request import ApproveDeviceRequest
from .audit_page import AuditPage
from .audit_record import AuditRecord
from .calibration import Calibration
from .calibration_certificate import CalibrationCertificate
from .calibration_decision_record import CalibrationDecisionRecord
from .calibration_decision_record_decision import CalibrationDecisionRecordDecision
from .calibration_document import CalibrationDocument
from .calibration_document_hash import CalibrationDocumentHash
from .calibration_document_media_type import CalibrationDocumentMediaType
from .calibration_list import CalibrationList
from .calibration_meter_type import CalibrationMeterType
from .calibration_status import CalibrationStatus
from .calibration_submission import CalibrationSubmission
from .calibration_submission_meter_type import CalibrationSubmissionMeterType
from .certificate_revocation import CertificateRevocation
from .certificate_signing_request import CertificateSigningRequest
from .chain_link import ChainLink
from .chain_link_status import ChainLinkStatus
from .console_organization import ConsoleOrganization
from .console_session import ConsoleSession
from .console_session_list import ConsoleSessionList
from .console_session_record import ConsoleSessionRecord
from .console_session_scopes_item import ConsoleSessionScopesItem
from .console_sessions_revoked import ConsoleSessionsRevoked
from .console_sign_in_with_api_key import ConsoleSignInWithApiKey
from .console_sign_in_with_client_credentials import ConsoleSignInWithClientCredentials
from .create_api_key_request import CreateApiKeyRequest
from .create_api_key_request_scopes_item import CreateApiKeyRequestScopesItem
from .create_project_request import CreateProjectRequest
from .credential_info import CredentialInfo
from .credential_info_kind import CredentialInfoKind
from .credential_info_scopes_item import CredentialInfoScopesItem
from .decision import Decision
from .decision_decision import DecisionDecision
from .decommission_device_request import DecommissionDeviceRequest
from .device import Device
from .device_command_result import DeviceCommandResult
from .device_command_result_origin import DeviceCommandResultOrigin
from .device_list import DeviceList
from .device_origin import DeviceOrigin
from .device_pairing import DevicePairing
from .ed_25519_private_jwk import Ed25519PrivateJwk
from .edge_template import EdgeTemplate
from .edge_template_list import EdgeTemplateList
from .edge_template_protocol import EdgeTemplateProtocol
from .edge_template_sensor import EdgeTemplateSensor
from .edge_template_source import EdgeTemplateSource
from .evidence_point import EvidencePoint
from .evidence_point_status import EvidencePointStatus
from .evidence_registration import EvidenceRegistration
from .field_error import FieldError
from .field_error_in import FieldErrorIn
from .finding import Finding
from .gateway import Gateway
from .gateway_agent import GatewayAgent
from .gateway_agent_device import GatewayAgentDevice
from .gateway_certificate import GatewayCertificate
from .gateway_certificate_list import GatewayCertificateList
from .gateway_connection import GatewayConnection
from .gateway_connection_baud_rate import GatewayConnectionBaudRate
from .gateway_connection_parity import GatewayConnectionParity
from .gateway_connection_protocol import GatewayConnectionProtocol
from .gateway_connection_security_mode import GatewayConnectionSecurityMode
from .gateway_connection_security_policy import GatewayConnectionSecurityPolicy
from .gateway_connection_stop_bits import GatewayConnectionStopBits
from .gateway_create import GatewayCreate
from .gateway_edge_config import GatewayEdgeConfig
from .gateway_edge_device import GatewayEdgeDevice
from .gateway_edge_plant import GatewayEdgePlant
from .gateway_enrollment import GatewayEnrollment
from .gateway_enrollment_token import GatewayEnrollmentToken
from .gateway_pairing import GatewayPairing
from .gateway_source import GatewaySource
from .gateway_status import GatewayStatus
from .gateway_status_change import GatewayStatusChange
from .gateway_status_result import GatewayStatusResult
from .get_device_pairing_format import GetDevicePairingFormat
from .hydro_mrv_policy import HydroMRVPolicy
from .hydro_mrv_policy_anchoring import HydroMRVPolicyAnchoring
from .hydro_mrv_policy_anchoring_mode import HydroMRVPolicyAnchoringMode
from .hydro_mrv_policy_credentials import HydroMRVPolicyCredentials
from .hydro_mrv_policy_parameters import HydroMRVPolicyParameters
from .hydro_mrv_policy_roles import HydroMRVPolicyRoles
from .hydro_mrv_policy_roles_additional_property import (
    HydroMRVPolicyRolesAdditionalProperty,
)
from .hydro_mrv_policy_workflows import HydroMRVPolicyWorkflows
from .hydropower_plant import HydropowerPlant
from .hydropower_plant_devices_item import HydropowerPlantDevicesItem
from .hydropower_plant_grid import HydropowerPlantGrid
from .hydropower_plant_location import HydropowerPlantLocation
from .hydropower_plant_meter import HydropowerPlantMeter
from .hydropower_plant_reservoir import HydropowerPlantReservoir
from .hydropower_plant_units_item import HydropowerPlantUnitsItem
from .hydropower_plant_units_item_turbine import HydropowerPlantUnitsItemTurbine
from .issuance import Issuance
from .issuance_anchor import IssuanceAnchor
from .issuance_issuance_credential import IssuanceIssuanceCredential
from .issuance_list import IssuanceList
from .issuance_monitoring_report import IssuanceMonitoringReport
from .issue_access_token_request import IssueAccessTokenRequest
from .issue_access_token_result import IssueAccessTokenResult
from .issued_gateway_certificate import IssuedGatewayCertificate
from .jwk_set import JwkSet
from .jwk_set_keys_item import JwkSetKeysItem
from .list_reviews_order import ListReviewsOrder
from .list_reviews_sort import ListReviewsSort
from .mint import Mint
from .mint_list import MintList
from .new_api_key import NewApiKey
from .new_api_key_scopes_item import NewApiKeyScopesItem
from .organization import Organization
from .organization_with_credential import OrganizationWithCredential
from .pairing_payload import PairingPayload
from .period import Period
from .period_close_started import PeriodCloseStarted
from .period_decision_result import PeriodDecisionResult
from .period_decision_result_decision import PeriodDecisionResultDecision
from .period_details import PeriodDetails
from .period_list import PeriodList
from .plant_calibration import PlantCalibration
from .plant_meter import PlantMeter
from .plant_meter_type import PlantMeterType
from .policy_action_name import PolicyActionName
from .policy_actions_item_type_1_additional_property import (
    PolicyActionsItemType1AdditionalProperty,
)
from .policy_band import PolicyBand
from .policy_check import PolicyCheck
from .policy_check_workflows import PolicyCheckWorkflows
from .policy_credential import PolicyCredential
from .policy_diff import PolicyDiff
from .policy_diff_from import PolicyDiffFrom
from .policy_diff_to import PolicyDiffTo
from .policy_difference import PolicyDifference
from .policy_difference_kind import PolicyDifferenceKind
from .policy_draft import PolicyDraft
from .policy_field_type_type_0 import PolicyFieldTypeType0
from .policy_field_type_type_1 import PolicyFieldTypeType1
from .policy_field_type_type_1_type import PolicyFieldTypeType1Type
from .policy_fields import PolicyFields
from .policy_graph import PolicyGraph
from .policy_graph_workflows import PolicyGraphWorkflows
from .policy_ledger_anchor import PolicyLedgerAnchor
from .policy_methodology import PolicyMethodology
from .policy_methodology_eligibility_item import PolicyMethodologyEligibilityItem
from .policy_methodology_formulas import PolicyMethodologyFormulas
from .policy_methodology_formulas_additional_property import (
    PolicyMethodologyFormulasAdditionalProperty,
)
from .policy_methodology_inputs import PolicyMethodologyInputs
from .policy_methodology_inputs_additional_property import (
    PolicyMethodologyInputsAdditionalProperty,
)
from .policy_methodology_mint import PolicyMethodologyMint
from .policy_methodology_token import PolicyMethodologyToken
from .policy_parameter import PolicyParameter
from .policy_problem import PolicyProblem
from .policy_ref import PolicyRef
from .policy_state import PolicyState
from .policy_state_after import PolicyStateAfter
from .policy_state_on import PolicyStateOn
from .policy_transition import PolicyTransition
from .policy_verification import PolicyVerification
from .policy_verification_calibration import PolicyVerificationCalibration
from .policy_verification_calibration_intervals import (
    PolicyVerificationCalibrationIntervals,
)
from .policy_verification_calibration_on_lapse import (
    PolicyVerificationCalibrationOnLapse,
)
from .policy_verification_calibration_on_missing import (
    PolicyVerificationCalibrationOnMissing,
)
from .policy_verification_efficiency_bands import PolicyVerificationEfficiencyBands
from .policy_verification_rules import PolicyVerificationRules
from .policy_verification_rules_additional_property import (
    PolicyVerificationRulesAdditionalProperty,
)
from .policy_verification_rules_additional_property_params import (
    PolicyVerificationRulesAdditionalPropertyParams,
)
from .policy_verification_thresholds import PolicyVerificationThresholds
from .policy_version import PolicyVersion
from .policy_version_list import PolicyVersionList
from .policy_workflow import PolicyWorkflow
from .policy_workflow_events import PolicyWorkflowEvents
from .policy_workflow_events_additional_property import (
    PolicyWorkflowEventsAdditionalProperty,
)
from .policy_workflow_states import PolicyWorkflowStates
from .problem import Problem
from .project import Project
from .project_list import ProjectList
from .project_plant import ProjectPlant
from .project_registration import ProjectRegistration
from .project_registration_credential import ProjectRegistrationCredential
from .project_registration_list import ProjectRegistrationList
from .provision_device_request import ProvisionDeviceRequest
from .provisioned_device import ProvisionedDevice
from .reactivate_device_request import ReactivateDeviceRequest
from .reading import Reading
from .reading_counts import ReadingCounts
from .reading_document import ReadingDocument
from .reading_evidence import ReadingEvidence
from .reading_evidence_calibration_type_0 import ReadingEvidenceCalibrationType0
from .reading_evidence_device_type_0 import ReadingEvidenceDeviceType0
from .reading_evidence_reading import ReadingEvidenceReading
from .reading_page import ReadingPage
from .reading_review import ReadingReview
from .reading_review_decision import ReadingReviewDecision
from .reading_status import ReadingStatus
from .register_device_request import RegisterDeviceRequest
from .register_organization_request import RegisterOrganizationRequest
from .register_project_plant_request import RegisterProjectPlantRequest
from .registered_organization import RegisteredOrganization
from .reject_device_request import RejectDeviceRequest
from .review import Review
from .review_decision_result import ReviewDecisionResult
from .review_decision_result_decision import ReviewDecisionResultDecision
from .review_document import ReviewDocument
from .review_page import ReviewPage
from .revocation_result import RevocationResult
from .scenario_expectation import ScenarioExpectation
from .scenario_run import ScenarioRun
from .scenario_runs import ScenarioRuns
from .scope_energy import ScopeEnergy
from .suspend_device_request import SuspendDeviceRequest
from .telemetry_batch import TelemetryBatch
from .telemetry_batch_result import TelemetryBatchResult
from .telemetry_document_v1 import TelemetryDocumentV1
from .telemetry_document_v1_metadata import TelemetryDocumentV1Metadata
from .telemetry_outcome import TelemetryOutcome
from .telemetry_outcome_reason import TelemetryOutcomeReason
from .telemetry_outcome_status import TelemetryOutcomeStatus
from .telemetry_reading import TelemetryReading
from .telemetry_reading_type import TelemetryReadingType
from .trust_chain_bundle import TrustChainBundle
from .trust_chain_verification import TrustChainVerification
from .trust_chain_verification_by_issuance import TrustChainVerificationByIssuance
from .trust_chain_verification_by_token import TrustChainVerificationByToken

__all__ = (
    "ApiKey",
    "ApiKeyList",
    "ApiKeyScopesItem",
    "ApproveDeviceRequest",
    "AuditPage",
    "AuditRecord",
    "Calibration",
    "CalibrationCertificate",
    "CalibrationDecisionRecord",
    "CalibrationDecisionRecordDecision",
    "CalibrationDocument",
    "CalibrationDocumentHash",
    "CalibrationDocumentMediaType",
    "CalibrationList",
    "CalibrationMeterType",
    "CalibrationStatus",
    "CalibrationSubmission",
    "CalibrationSubmissionMeterType",
    "CertificateRevocation",
    "CertificateSigningRequest",
    "ChainLink",
    "ChainLinkStatus",
    "ConsoleOrganization",
    "ConsoleSession",
    "ConsoleSessionList",
    "ConsoleSessionRecord",
    "ConsoleSessionScopesItem",
    "ConsoleSessionsRevoked",
    "ConsoleSignInWithApiKey",
    "ConsoleSignInWithClientCredentials",
    "CreateApiKeyRequest",
    "CreateApiKeyRequestScopesItem",
    "CreateProjectRequest",
    "CredentialInfo",
    "CredentialInfoKind",
    "CredentialInfoScopesItem",
    "Decision",
    "DecisionDecision",
    "DecommissionDeviceRequest",
    "Device",
    "DeviceCommandResult",
    "DeviceCommandResultOrigin",
    "DeviceList",
    "DeviceOrigin",
    "DevicePairing",
    "Ed25519PrivateJwk",
    "EdgeTemplate",
    "EdgeTemplateList",
    "EdgeTemplateProtocol",
    "EdgeTemplateSensor",
    "EdgeTemplateSource",
    "EvidencePoint",
    "EvidencePointStatus",
    "EvidenceRegistration",
    "FieldError",
    "FieldErrorIn",
    "Finding",
    "Gateway",
    "GatewayAgent",
    "GatewayAgentDevice",
    "GatewayCertificate",
    "GatewayCertificateList",
    "GatewayConnection",
    "GatewayConnectionBaudRate",
    "GatewayConnectionParity",
    "GatewayConnectionProtocol",
    "GatewayConnectionSecurityMode",
    "GatewayConnectionSecurityPolicy",
    "GatewayConnectionStopBits",
    "GatewayCreate",
    "GatewayEdgeConfig",
    "GatewayEdgeDevice",
    "GatewayEdgePlant",
    "GatewayEnrollment",
    "GatewayEnrollmentToken",
    "GatewayPairing",
    "GatewaySource",
    "GatewayStatus",
    "GatewayStatusChange",
    "GatewayStatusResult",
    "GetDevicePairingFormat",
    "HydroMRVPolicy",
    "HydroMRVPolicyAnchoring",
    "HydroMRVPolicyAnchoringMode",
    "HydroMRVPolicyCredentials",
    "HydroMRVPolicyParameters",
    "HydroMRVPolicyRoles",
    "HydroMRVPolicyRolesAdditionalProperty",
    "HydroMRVPolicyWorkflows",
    "HydropowerPlant",
    "HydropowerPlantDevicesItem",
    "HydropowerPlantGrid",
    "HydropowerPlantLocation",
    "HydropowerPlantMeter",
    "HydropowerPlantReservoir",
    "HydropowerPlantUnitsItem",
    "HydropowerPlantUnitsItemTurbine",
    "Issuance",
    "IssuanceAnchor",
    "IssuanceIssuanceCredential",
    "IssuanceList",
    "IssuanceMonitoringReport",
    "IssueAccessTokenRequest",
    "IssueAccessTokenResult",
    "IssuedGatewayCertificate",
    "JwkSet",
    "JwkSetKeysItem",
    "ListReviewsOrder",
    "ListReviewsSort",
    "Mint",
    "MintList",
    "NewApiKey",
    "NewApiKeyScopesItem",
    "Organization",
    "OrganizationWithCredential",
    "PairingPayload",
    "Period",
    "PeriodCloseStarted",
    "PeriodDecisionResult",
    "PeriodDecisionResultDecision",
    "PeriodDetails",
    "PeriodList",
    "PlantCalibration",
    "PlantMeter",
    "PlantMeterType",
    "PolicyActionName",
    "PolicyActionsItemType1AdditionalProperty",
    "PolicyBand",
    "PolicyCheck",
    "PolicyCheckWorkflows",
    "PolicyCredential",
    "PolicyDiff",
    "PolicyDiffFrom",
    "PolicyDiffTo",
    "PolicyDifference",
    "PolicyDifferenceKind",
    "PolicyDraft",
    "PolicyFieldTypeType0",
    "PolicyFieldTypeType1",
    "PolicyFieldTypeType1Type",
    "PolicyFields",
    "PolicyGraph",
    "PolicyGraphWorkflows",
    "PolicyLedgerAnchor",
    "PolicyMethodology",
    "PolicyMethodologyEligibilityItem",
    "PolicyMethodologyFormulas",
    "PolicyMethodologyFormulasAdditionalProperty",
    "PolicyMethodologyInputs",
    "PolicyMethodologyInputsAdditionalProperty",
    "PolicyMethodologyMint",
    "PolicyMethodologyToken",
    "PolicyParameter",
    "PolicyProblem",
    "PolicyRef",
    "PolicyState",
    "PolicyStateAfter",
    "PolicyStateOn",
    "PolicyTransition",
    "PolicyVerification",
    "PolicyVerificationCalibration",
    "PolicyVerificationCalibrationIntervals",
    "PolicyVerificationCalibrationOnLapse",
    "PolicyVerificationCalibrationOnMissing",
    "PolicyVerificationEfficiencyBands",
    "PolicyVerificationRules",
    "PolicyVerificationRulesAdditionalProperty",
    "PolicyVerificationRulesAdditionalPropertyParams",
    "PolicyVerificationThresholds",
    "PolicyVersion",
    "PolicyVersionList",
    "PolicyWorkflow",
    "PolicyWorkflowEvents",
    "PolicyWorkflowEventsAdditionalProperty",
    "PolicyWorkflowStates",
    "Problem",
    "Project",
    "ProjectList",
    "ProjectPlant",
    "ProjectRegistration",
    "ProjectRegistrationCredential",
    "ProjectRegistrationList",
    "ProvisionDeviceRequest",
    "ProvisionedDevice",
    "ReactivateDeviceRequest",
    "Reading",
    "ReadingCounts",
    "ReadingDocument",
    "ReadingEvidence",
    "ReadingEvidenceCalibrationType0",
    "ReadingEvidenceDeviceType0",
    "ReadingEvidenceReading",
    "ReadingPage",
    "ReadingReview",
    "ReadingReviewDecision",
    "ReadingStatus",
    "RegisterDeviceRequest",
    "RegisterOrganizationRequest",
    "RegisterProjectPlantRequest",
    "RegisteredOrganization",
    "RejectDeviceRequest",
    "Review",
    "ReviewDecisionResult",
    "ReviewDecisionResultDecision",
    "ReviewDocument",
    "ReviewPage",
    "RevocationResult",
    "ScenarioExpectation",
    "ScenarioRun",
    "ScenarioRuns",
    "ScopeEnergy",
    "SuspendDeviceRequest",
    "TelemetryBatch",
    "TelemetryBatchResult",
    "TelemetryDocumentV1",
    "TelemetryDocumentV1Metadata",
    "TelemetryOutcome",
    "TelemetryOutcomeReason",
    "TelemetryOutcomeStatus",
    "TelemetryReading",
    "TelemetryReadingType",
    "TrustChainBundle",
    "TrustChainVerification",
    "TrustChainVerificationByIssuance",
    "TrustChainVerificationByToken",
)
