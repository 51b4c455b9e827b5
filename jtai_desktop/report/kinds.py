"""The kinds of identifying detail the gate looks for, with their labels in plain words."""

from __future__ import annotations

CHILD_NAME, PERSON_NAME = "child_name", "person_name"
CASE_REF, POLICE_REF, COURT_REF = "case_reference", "police_reference", "court_reference"
DOB, SINGLING_DATE = "date_of_birth", "singling_date"
ADDRESS, POSTCODE = "address", "postcode"
NHS, NI_NUMBER, PUPIL_NUMBER, OFFICIAL_NUMBER = (
    "nhs_number",
    "national_insurance_number",
    "pupil_number",
    "official_number",
)
PHONE, EMAIL, ONLINE, VEHICLE = (
    "phone_number",
    "email_address",
    "online_identity",
    "vehicle_registration",
)
SCHOOL, SMALL_COUNT, COMBINATION = "school_or_setting", "small_count", "combination"

KIND_LABELS = {
    CHILD_NAME: "child's name",
    PERSON_NAME: "a person's name",
    CASE_REF: "case reference",
    POLICE_REF: "police reference",
    COURT_REF: "court reference",
    DOB: "date of birth",
    SINGLING_DATE: "date that singles someone out",
    ADDRESS: "address",
    POSTCODE: "postcode",
    NHS: "NHS number",
    NI_NUMBER: "National Insurance number",
    PUPIL_NUMBER: "pupil or learner number",
    OFFICIAL_NUMBER: "other official number",
    PHONE: "phone number",
    EMAIL: "email address",
    ONLINE: "online identity",
    VEHICLE: "vehicle registration",
    SCHOOL: "school or setting",
    SMALL_COUNT: "small count of children",
    COMBINATION: "combination of details",
}
KINDS = tuple(KIND_LABELS)
