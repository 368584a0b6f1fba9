/* rectify-demo.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rectify-date.h"
#include "rectify-demo.h"

/* The hand-written demo: the ISMS of a fictional logistics company, Nordlicht Logistics GmbH.
 * All dates are offsets in days from "today", so the register always looks current. */

#define MAX_CAUSES  7
#define MAX_LINKS   4
#define MAX_CHECKS  2

typedef struct
{
  RectifyAuditKind  kind;
  const char       *topic;        /* added to the title, or NULL */
  int               starts;       /* days from today */
  int               n_days;
  const char       *lead_auditor;
  gboolean          by_cb;
} DemoAudit;

typedef struct
{
  int         parent;             /* 1-based index among the NC's causes, 0 for none */
  const char *category;           /* fishbone bone; a fixed English key, not translated */
  const char *text;
  gboolean    is_root;
} DemoCause;

typedef struct
{
  const char          *title;
  const char          *description;
  const char          *owner;
  int                  target;    /* days from today */
  const char          *resources;
  const char          *success;
  RectifyActionStatus  status;
  int                  done;      /* days from today, when done */
} DemoAction;

typedef struct
{
  RectifyVerificationMethod  method;
  const char                *verifier;   /* NULL ends the list */
  int                        due;        /* days from today */
  RectifyVerificationResult  result;
  int                        verified;   /* days from today, unless pending */
  const char                *comment;
} DemoCheck;

typedef struct
{
  int             audit;          /* 1-based index into demo_audits, 0 for none */
  RectifySource   source;
  RectifyGrade    grade;
  RectifyStatus   status;
  const char     *requirement;
  const char     *title;
  const char     *statement;
  const char     *evidence;
  const char     *area;
  const char     *location;
  const char     *reported_by;
  const char     *owner;
  int             occurred;       /* days from today */
  int             reported;       /* days from today */
  int             due;            /* days after reported-on; 0: the grade's default; -1: none */
  const char     *correction;
  int             correction_on;  /* days from today */
  int             closed;         /* days from today, when closed */
  DemoCause       causes[MAX_CAUSES];
  int             actions[MAX_LINKS];  /* 1-based indices into demo_actions, 0-terminated */
  DemoCheck       checks[MAX_CHECKS];
} DemoNc;

#define ORGANISATION "Nordlicht Logistics GmbH"
#define CERTIFICATION_BODY "NorCert Assurance GmbH"

#define HQ       "Hamburg head office, Sachsenfeld 12"
#define BILLBROOK "Distribution centre Hamburg-Billbrook"
#define DUISBURG "Distribution centre Duisburg-Rheinhausen"

#define ISMS_MANAGER "Jana Petersen"
#define HEAD_OF_IT   "Tobias Brandt"
#define SECURITY_ENG "Lukas Schreiber"
#define HR_MANAGER   "Aylin Demir"
#define DUISBURG_MGR "Markus Vogel"
#define BILLBROOK_MGR "Sven Ohlsen"
#define PROCUREMENT  "Katrin Albers"
#define CEO          "Dr. Henrik Lange"
#define TMS_OWNER    "Felix Wagner"
#define FACILITIES   "Claudia Neumann"
#define CUSTOMER_SVC "Nina Hartmann"
#define CB_AUDITOR   "Dr. Miriam Kessler"
#define INT_AUDITOR  "Birgit Sommer"

static const DemoAudit demo_audits[] = {
  /* 1 */ { RECTIFY_AUDIT_KIND_STAGE2, NULL, -410, 3, CB_AUDITOR, TRUE },
  /* 2 */ { RECTIFY_AUDIT_KIND_INTERNAL, N_("HR, awareness and physical security"), -230, 3,
            ISMS_MANAGER, FALSE },
  /* 3 */ { RECTIFY_AUDIT_KIND_SUPPLIER, N_("Elbe Rechenzentrum colocation"), -150, 1,
            INT_AUDITOR, FALSE },
  /* 4 */ { RECTIFY_AUDIT_KIND_SURVEILLANCE, NULL, -46, 3, CB_AUDITOR, TRUE },
  /* 5 */ { RECTIFY_AUDIT_KIND_INTERNAL, N_("IT operations, logging and access control"), -25, 3,
            INT_AUDITOR, FALSE },
};

static const DemoAction demo_actions[] = {
  /* 1 */
  { N_("Introduce a register of controlled printed copies"),
    N_("Every printed procedure carries a copy number and a QR code to the current version; the "
       "document owner withdraws registered copies when a new version is released."),
    ISMS_MANAGER, -360, N_("2 days ISMS manager, label printer at each site"),
    N_("No superseded procedure found at the point of use in a spot check of all three sites"),
    RECTIFY_ACTION_STATUS_DONE, -365 },
  /* 2 */
  { N_("Automate leaver deprovisioning from the HR system"),
    N_("The HR system sends the leaving date to the directory; accounts are disabled "
       "automatically at 18:00 on the last working day."),
    HEAD_OF_IT, -330, N_("5 days external integrator, budget EUR 6,500"),
    /* xgettext:no-c-format */
    N_("100 % of leavers in a sample of 20 disabled on their last working day"),
    RECTIFY_ACTION_STATUS_DONE, -334 },
  /* 3 */
  { N_("Monthly reconciliation of accounts against the HR headcount"),
    N_("IT security compares all enabled accounts, including privileged and service accounts, "
       "with the HR headcount report each month and records the result."),
    SECURITY_ENG, -300, N_("2 hours per month"),
    N_("Twelve consecutive reconciliation records with every deviation closed within 5 days"),
    RECTIFY_ACTION_STATUS_DONE, -305 },
  /* 4 */
  { N_("Lock dispatch workstations after 5 minutes"),
    N_("Group policy for the dispatch OU changed from 15 to 5 minutes; proximity badges trialled."),
    HEAD_OF_IT, -395, NULL,
    N_("No unlocked unattended screen found in three unannounced walk-throughs"),
    RECTIFY_ACTION_STATUS_DONE, -400 },
  /* 5 */
  { N_("Re-assess risks of all excluded Annex A controls and justify exclusions in the SoA"),
    N_("Risk workshop with IT, operations and development; SoA v3.2 with a justification for every "
       "exclusion and inclusion."),
    ISMS_MANAGER, -60, N_("Two workshops of half a day"),
    N_("SoA approved by management with a justification for all 93 controls"),
    RECTIFY_ACTION_STATUS_DONE, -75 },
  /* 6 */
  { N_("Implement secure coding guideline for the customer portal team"),
    N_("Adopt OWASP ASVS level 2 as the guideline, add SAST to the build pipeline and train the "
       "four developers."),
    TMS_OWNER, -20, N_("SAST licence EUR 4,800 per year, 3 training days"),
    N_("Pipeline blocks releases with high findings; all developers trained"),
    RECTIFY_ACTION_STATUS_IN_PROGRESS, 0 },
  /* 7 */
  { N_("Define measurable ISMS objectives with owners and targets"),
    N_("Objectives 2025 restated with metric, target, owner and reporting frequency; reported "
       "quarterly in the ISMS meeting."),
    CEO, -290, NULL,
    N_("All objectives have a target and are reported in two consecutive quarters"),
    RECTIFY_ACTION_STATUS_DONE, -295 },
  /* 8 */
  { N_("Enforce full-disk encryption on all laptops through device management"),
    N_("BitLocker enforced by compliance policy; non-compliant devices lose access to e-mail and "
       "the TMS."),
    HEAD_OF_IT, -260, N_("Existing device management licences; 3 days IT"),
    /* xgettext:no-c-format */
    N_("Compliance report shows 100 % of laptops encrypted for six consecutive weeks"),
    RECTIFY_ACTION_STATUS_DONE, -262 },
  /* 9 */
  { N_("Competence profile and onboarding checklist for TMS key users"),
    N_("Define the required skills of the role, add a sign-off checklist and record it in the "
       "training matrix."),
    HR_MANAGER, -190, NULL,
    N_("All 9 key users have a signed-off competence record"),
    RECTIFY_ACTION_STATUS_DONE, -196 },
  /* 10 */
  { N_("Driver registration and escort at the Billbrook docks"),
    N_("Drivers report to the dock office, receive a visitor badge and wait in the driver lounge; "
       "the high-value cage is opened only by warehouse staff."),
    BILLBROOK_MGR, -120, N_("Driver lounge fit-out EUR 12,000; badge printer"),
    N_("No unregistered driver inside the warehouse in four unannounced checks"),
    RECTIFY_ACTION_STATUS_DONE, -118 },
  /* 11 */
  { N_("Awareness e-learning for all warehouse staff"),
    N_("Annual 20-minute e-learning on phishing, clear desk and reporting of events, assigned to "
       "all staff with a directory account."),
    HR_MANAGER, -110, N_("E-learning platform licence"),
    /* xgettext:no-c-format */
    N_("95 % completion within the training year"),
    RECTIFY_ACTION_STATUS_DONE, -112 },
  /* 12 */
  { N_("Record handheld scanners in the asset inventory"),
    N_("Import the scanners from the mobile device management and assign asset owners per shift."),
    DUISBURG_MGR, -30, NULL,
    N_("Inventory matches the device management export with no gaps"),
    RECTIFY_ACTION_STATUS_DONE, -34 },
  /* 13 */
  { N_("Quarterly inventory reconciliation for mobile devices"),
    N_("Compare the asset inventory with device management and the scanner charging racks each "
       "quarter."),
    DUISBURG_MGR, 20, NULL,
    N_("Two quarterly reconciliations recorded with deviations below 2 %"),
    RECTIFY_ACTION_STATUS_IN_PROGRESS, 0 },
  /* 14 */
  { N_("Add a cloud and outsourcing section to the procurement procedure"),
    N_("PUR-PR-01 v3: security requirements, supplier assessment and approval by the ISMS "
       "manager for cloud services and IT outsourcing, including purchases on company cards."),
    PROCUREMENT, 45, N_("3 days procurement, review by legal"),
    N_("No cloud service or IT supplier contracted without a recorded assessment in the next "
       "six months (checked against card statements)"),
    RECTIFY_ACTION_STATUS_PLANNED, 0 },
  /* 15 */
  { N_("Agree a security annex with Elbe Rechenzentrum"),
    N_("Incident notification within 24 hours, access logging for our cage, right to audit."),
    PROCUREMENT, 30, NULL,
    N_("Signed annex filed in the supplier register"),
    RECTIFY_ACTION_STATUS_PLANNED, 0 },
  /* 16 */
  { N_("Enforce multi-factor authentication for all remote access"),
    N_("Conditional access requires MFA for webmail, VPN and the TMS from outside the company "
       "network; legacy protocols blocked."),
    HEAD_OF_IT, -40, N_("Authenticator app, 40 hardware tokens for warehouse shared devices"),
    N_("Sign-in logs show no successful remote sign-in without MFA for 30 days"),
    RECTIFY_ACTION_STATUS_DONE, -45 },
  /* 17 */
  { N_("Call-back verification for changes of bank details"),
    N_("Finance and customer service confirm every change of bank details by phone on a number "
       "from the master data, never from the e-mail."),
    CUSTOMER_SVC, -10, NULL,
    /* xgettext:no-c-format */
    N_("Procedure in force and 100 % of changes in a quarterly sample confirmed by call-back"),
    RECTIFY_ACTION_STATUS_IN_PROGRESS, 0 },
  /* 18 */
  { N_("Alert on endpoints that stop reporting to the EDR console"),
    N_("Daily check in the SIEM for agents silent for more than 72 hours, with a ticket to the "
       "service desk."),
    SECURITY_ENG, -50, NULL,
    /* xgettext:no-c-format */
    N_("Fewer than 1 % of endpoints silent for more than 72 hours for three months"),
    RECTIFY_ACTION_STATUS_DONE, -52 },
  /* 19 */
  { N_("Separate proof-of-delivery documents per customer in the TMS export"),
    N_("Change the nightly POD batch so that each customer's e-mail contains only its own "
       "consignments; add a test case to the release checklist."),
    TMS_OWNER, 25, N_("4 days TMS vendor"),
    N_("No misaddressed POD in 3 months of complaint records"),
    RECTIFY_ACTION_STATUS_PLANNED, 0 },
  /* 20 */
  { N_("Hardening baseline for network printers and label printers"),
    N_("Change default credentials, disable unused services and add the devices to the "
       "vulnerability scan."),
    SECURITY_ENG, 35, NULL,
    N_("Re-test by the penetration tester finds no default credentials"),
    RECTIFY_ACTION_STATUS_PLANNED, 0 },
  /* 21 */
  { N_("Add a backup scope review to the infrastructure change checklist"),
    N_("Every change to storage, servers or databases confirms that backup selections still cover "
       "all volumes before the change is closed."),
    HEAD_OF_IT, 20, NULL,
    N_("Checklist in use for all infrastructure changes in the following quarter"),
    RECTIFY_ACTION_STATUS_PLANNED, 0 },
  /* 22 */
  { N_("Quarterly restore tests with named owners"),
    N_("Restore tests of WMS, TMS and file server each quarter; results reported to the ISMS "
       "meeting."),
    HEAD_OF_IT, 60, N_("Test environment capacity, 1 day per quarter"),
    N_("Four consecutive quarterly restore tests completed within the 4-hour RTO"),
    RECTIFY_ACTION_STATUS_PLANNED, 0 },
  /* 23 */
  { N_("Assign backup monitoring to IT operations on-call"),
    N_("Backup warnings open a ticket for the on-call engineer instead of going to a shared "
       "mailbox."),
    HEAD_OF_IT, 10, NULL,
    N_("Every backup warning in the following quarter has a ticket closed within 2 working days"),
    RECTIFY_ACTION_STATUS_IN_PROGRESS, 0 },
  /* 24 */
  { N_("Patch management with fixed windows and escalation"),
    N_("Monthly patch window for servers, emergency window for critical vulnerabilities within "
       "14 days, escalation to the head of IT after 10 days."),
    HEAD_OF_IT, 40, NULL,
    N_("No critical vulnerability older than 14 days in three consecutive monthly scans"),
    RECTIFY_ACTION_STATUS_PLANNED, 0 },
  /* 25 */
  { N_("Access review in the identity governance module"),
    N_("Move the semi-annual access review from spreadsheets to the review campaigns of the "
       "directory."),
    SECURITY_ENG, 50, NULL,
    N_("First campaign completed by all managers within 3 weeks"),
    RECTIFY_ACTION_STATUS_IN_PROGRESS, 0 },
};

static const DemoNc demo_ncs[] = {
  /* NC-001 */
  { .audit = 1, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_CLOSED, .requirement = "7.5.3",
    .title = N_("Superseded procedure in use at Duisburg goods-in"),
    .statement = N_("Documented information required by the ISMS is not controlled as required by "
                    "ISO/IEC 27001:2022 clause 7.5.3: superseded versions of procedures remain "
                    "available and in use at the point of use."),
    .evidence = N_("Goods-in office Duisburg, workstation 3: printed copy of WH-PR-04 \"Handling of "
                   "customer consignment data\" version 1.2 of March 2022 on display. The document "
                   "management system shows version 2.0, approved 14 days before the audit. Two of "
                   "three warehouse staff interviewed were not aware of version 2.0."),
    .area = N_("Warehousing: goods-in"), .location = DUISBURG,
    .reported_by = CB_AUDITOR, .owner = DUISBURG_MGR,
    .occurred = -409, .reported = -408,
    .correction = N_("Printed copies of WH-PR-04 v1.2 removed from all goods-in and goods-out "
                     "stations at both distribution centres; version 2.0 briefed to shift leads."),
    .correction_on = -406, .closed = -300,
    .causes = {
      { 0, "Process", N_("The document release step does not withdraw printed copies"), TRUE },
      { 0, "Policy & documentation", N_("Printed copies are not registered anywhere"), FALSE },
      { 2, "Policy & documentation", N_("The document control procedure assumes documents are only "
                                        "used electronically"), FALSE },
      { 0, "Environment", N_("No screens at goods-in; staff print procedures locally"), FALSE },
    },
    .actions = { 1 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_ON_SITE, ISMS_MANAGER, -310, RECTIFY_VERIFICATION_RESULT_EFFECTIVE,
        -302, N_("Spot check at Duisburg, Billbrook and head office: all printed copies registered "
                 "and current.") },
    } },
  /* NC-002 */
  { .audit = 1, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_CLOSED, .requirement = "A.5.18",
    .title = N_("Leavers' accounts not disabled on time"),
    .statement = N_("Access rights are not removed upon termination of employment as required by "
                    "control A.5.18 and the joiner-mover-leaver procedure IT-PR-02."),
    .evidence = N_("Sample of 15 leavers from the HR system (January to April): 3 directory accounts "
                   "(j.kraft, m.oezdemir, p.lorenz) remained enabled 12, 19 and 34 days after the "
                   "last working day. IT-PR-02 section 5 requires disabling on the last working "
                   "day."),
    .area = N_("IT operations: identity and access management"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = HEAD_OF_IT,
    .occurred = -420, .reported = -408,
    .correction = N_("The three accounts were disabled on the day of the audit; their sign-in logs "
                     "showed no activity after the leaving dates."),
    .correction_on = -408, .closed = -260,
    .causes = {
      { 0, "Process", N_("Leaver notifications reach IT late or not at all"), FALSE },
      { 1, "Process", N_("HR e-mails leavers to one administrator's mailbox, not to the service "
                         "desk queue"), FALSE },
      { 2, "Technology", N_("No interface between the HR system and the directory"), TRUE },
      { 0, "People", N_("Line managers do not know they must tell IT about leavers"), FALSE },
    },
    .actions = { 2, 3 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_FOLLOW_UP_AUDIT, INT_AUDITOR, -270,
        RECTIFY_VERIFICATION_RESULT_EFFECTIVE, -262,
        N_("Sample of 20 leavers: all accounts disabled on the last working day; three monthly "
           "reconciliations on file.") },
    } },
  /* NC-003 */
  { .audit = 1, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_OBSERVATION,
    .status = RECTIFY_STATUS_CLOSED, .requirement = "A.7.7",
    .title = N_("Unlocked unattended screens in the dispatch office"),
    .statement = N_("Observation: the clear screen rule of the acceptable use policy (control A.7.7) "
                    "is not consistently applied in the dispatch office."),
    .evidence = N_("Site tour, head office dispatch office, 11:40: two workstations unlocked and "
                   "unattended with the TMS open, showing consignee names and delivery addresses. "
                   "Screen lock timeout in the group policy set to 15 minutes."),
    .area = N_("Transport: dispatch"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = TMS_OWNER,
    .occurred = -409, .reported = -408,
    .correction = N_("Staff in the dispatch office reminded of the clear screen rule the same day."),
    .correction_on = -408, .closed = -380,
    .causes = {
      { 0, "Technology", N_("Screen lock timeout of 15 minutes is too long for a shared office"),
        TRUE },
      { 0, "People", N_("Dispatchers leave their desks at short notice to meet drivers"), FALSE },
    },
    .actions = { 4 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_ON_SITE, ISMS_MANAGER, -385, RECTIFY_VERIFICATION_RESULT_EFFECTIVE,
        -382, N_("Three unannounced walk-throughs: no unlocked unattended screen.") },
    } },
  /* NC-004 */
  { .audit = 1, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_IMPLEMENTATION, .requirement = "6.1.3",
    .title = N_("Statement of Applicability lacks justification for exclusions"),
    .statement = N_("The Statement of Applicability does not contain the justification for the "
                    "exclusion of Annex A controls as required by clause 6.1.3 d)."),
    .evidence = N_("SoA v2.4 of 2 April: controls A.7.5, A.8.19 and A.8.28 are marked \"not "
                   "applicable\" without justification. A.8.28 Secure coding is excluded although "
                   "an in-house team of four develops the customer tracking portal."),
    .area = N_("ISMS: risk treatment"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = ISMS_MANAGER,
    .occurred = -409, .reported = -408,
    .correction = N_("None needed beyond the corrective actions: the SoA is not used operationally; "
                     "the CB accepted the CAP."),
    .correction_on = -400,
    .causes = {
      { 0, "Policy & documentation", N_("The SoA template has no column for the justification"),
        FALSE },
      { 0, "Process", N_("The SoA was written from a template before the risk assessment was "
                         "finished"), TRUE },
      { 0, "People", N_("The development team was not involved in the risk assessment"), TRUE },
    },
    .actions = { 5, 6 } },
  /* NC-005 */
  { .audit = 0, .source = RECTIFY_SOURCE_MANAGEMENT_REVIEW, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_CLOSED, .requirement = "6.2",
    .title = N_("Information security objectives are not measurable"),
    .statement = N_("The information security objectives are not measurable and have no target "
                    "date or responsible person as required by clause 6.2 b) and 6.2 f)."),
    .evidence = N_("Management review minutes MR-2025-01, item 4: the six objectives in ISMS-OBJ-01 "
                   "(e.g. \"improve security awareness\", \"reduce incidents\") have no metric, "
                   "target or owner; progress could not be evaluated."),
    .area = N_("ISMS: management"), .location = HQ,
    .reported_by = CEO, .owner = ISMS_MANAGER,
    .occurred = -330, .reported = -330,
    .correction = N_("None needed: no operational impact; objectives restated as corrective "
                     "action."),
    .correction_on = -330, .closed = -200,
    .causes = {
      { 0, "Policy & documentation", N_("The objectives template asks only for a description"),
        TRUE },
      { 0, "People", N_("Objectives were set by the ISMS manager alone, without the process "
                        "owners"), FALSE },
    },
    .actions = { 7 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW, CEO, -210, RECTIFY_VERIFICATION_RESULT_EFFECTIVE,
        -205, N_("Q3 and Q4 ISMS reports show all objectives with metric, target and status.") },
    } },
  /* NC-006 */
  { .audit = 0, .source = RECTIFY_SOURCE_INCIDENT, .grade = RECTIFY_GRADE_MAJOR,
    .status = RECTIFY_STATUS_CLOSED, .requirement = "A.8.1",
    .title = N_("Lost laptop was not encrypted"),
    .statement = N_("User endpoint devices are not protected as required by control A.8.1 and the "
                    "mobile device policy IT-POL-04: laptops with customer data are issued without "
                    "full-disk encryption."),
    .evidence = N_("Incident INC-2025-0088: laptop NL-NB-0231 of a key account manager stolen from a "
                   "car in Bremen; the device was not encrypted and held a spreadsheet with 1,240 "
                   "consignee addresses. Device management report of the same week: 47 of 212 "
                   "laptops (22 %) without BitLocker."),
    .area = N_("IT operations: end-user devices"), .location = HQ,
    .reported_by = SECURITY_ENG, .owner = HEAD_OF_IT,
    .occurred = -302, .reported = -300,
    .correction = N_("Device wiped remotely; the data protection officer assessed the breach and "
                     "notified the supervisory authority within 72 hours; the 47 laptops were "
                     "encrypted within 10 days."),
    .correction_on = -299, .closed = -214,
    .causes = {
      { 0, "Technology", N_("Encryption was not enforced by the device management"), FALSE },
      { 1, "Process", N_("Laptops set up by hand before the device management roll-out were never "
                         "re-enrolled"), FALSE },
      { 2, "Process", N_("The roll-out plan covered new devices only"), TRUE },
      { 0, "People", N_("Customer data stored locally instead of on the file server"), FALSE },
      { 0, "Environment", N_("Laptop left visible in a parked car"), FALSE },
    },
    .actions = { 8 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_METRIC, SECURITY_ENG, -220, RECTIFY_VERIFICATION_RESULT_EFFECTIVE,
        -216, /* xgettext:no-c-format */ N_("Weekly compliance reports for six weeks: 100 % of laptops encrypted; two devices "
                 "that fell out of compliance were blocked automatically.") },
    } },
  /* NC-007 */
  { .audit = 2, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_CLOSED, .requirement = "7.2",
    .title = N_("Competence of TMS key users not determined"),
    .statement = N_("The organisation has not determined the necessary competence of persons in the "
                    "role \"TMS key user\", nor retained evidence of it, as required by clause 7.2 "
                    "a) and d)."),
    .evidence = N_("The role description of TMS key users (9 persons) lists administration of user "
                   "rights and export of customer data. No competence requirements are defined; "
                   "the training matrix HR-REG-02 has no entry for the role."),
    .area = N_("Human resources"), .location = HQ,
    .reported_by = ISMS_MANAGER, .owner = HR_MANAGER,
    .occurred = -229, .reported = -228,
    .correction = N_("None needed: the key users were confirmed by their managers; competence to be "
                     "defined as corrective action."),
    .correction_on = -226, .closed = -170,
    .causes = {
      { 0, "Process", N_("Role profiles are created only for positions, not for system roles"),
        TRUE },
    },
    .actions = { 9 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW, ISMS_MANAGER, -175,
        RECTIFY_VERIFICATION_RESULT_EFFECTIVE, -172,
        N_("Nine signed competence records in the training matrix.") },
    } },
  /* NC-008 */
  { .audit = 2, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_VERIFICATION, .requirement = "A.7.2",
    .title = N_("Drivers enter the Billbrook warehouse unregistered"),
    .statement = N_("Physical entry to the secure warehouse area is not controlled as required by "
                    "control A.7.2 and the site security rules SEC-PR-03."),
    .evidence = N_("Dock doors 4 to 7 open from 07:00 to 09:30; drivers of third-party hauliers "
                   "walked from the docks into the warehouse without registration. Three drivers "
                   "were seen next to the high-value cage. The visitor log at reception recorded no "
                   "drivers that morning."),
    .area = N_("Warehousing: loading docks"), .location = BILLBROOK,
    .reported_by = ISMS_MANAGER, .owner = BILLBROOK_MGR,
    .occurred = -229, .reported = -228,
    .correction = N_("Temporary barrier and sign at the dock doors; the high-value cage kept "
                     "locked during loading."),
    .correction_on = -227,
    .causes = {
      { 0, "Environment", N_("No waiting area for drivers at the docks"), TRUE },
      { 0, "Process", N_("SEC-PR-03 covers visitors at reception but not drivers at the docks"),
        TRUE },
      { 0, "Suppliers & third parties", N_("Haulier contracts do not oblige drivers to follow site "
                                           "rules"), FALSE },
    },
    .actions = { 10 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_ON_SITE, ISMS_MANAGER, 14, RECTIFY_VERIFICATION_RESULT_PENDING,
        0, NULL },
    } },
  /* NC-009 */
  { .audit = 2, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_ANALYSIS, .requirement = "A.6.3",
    .title = N_("Warehouse staff have had no security awareness training"),
    .statement = N_("Personnel do not receive appropriate information security awareness "
                    "education as required by control A.6.3 and the awareness programme "
                    "HR-PR-05."),
    .evidence = /* xgettext:no-c-format */ N_("Training records for 2025: 61 % of office staff and 0 % of warehouse staff "
                   "completed the awareness training. Four of five forklift drivers interviewed did "
                   "not know how to report a suspicious e-mail on the shared terminals."),
    .area = N_("Human resources: awareness"), .location = DUISBURG,
    .reported_by = ISMS_MANAGER, .owner = HR_MANAGER,
    .occurred = -229, .reported = -228,
    .correction = N_("Poster \"Suspicious? Call 112 at the service desk\" put up at all shared "
                     "terminals."),
    .correction_on = -220,
    .causes = {
      { 0, "People", N_("Temporary staff from agencies are not in the directory, so the e-learning "
                        "is never assigned to them"), TRUE },
      { 0, "Process", N_("Training is planned per directory account, not per person on the "
                         "shift"), FALSE },
      { 0, "Environment", N_("Warehouse staff have no personal computer to take the e-learning"),
        FALSE },
    },
    .actions = { 11 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_METRIC, ISMS_MANAGER, -20,
        RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE, -20,
        /* xgettext:no-c-format */
        N_("Completion 71 % against the 95 % criterion; agency staff still not covered. Reopened "
           "for a new cause analysis.") },
    } },
  /* NC-010 */
  { .audit = 2, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_OBSERVATION,
    .status = RECTIFY_STATUS_IMPLEMENTATION, .requirement = "A.5.9",
    .title = N_("Handheld scanners missing from the asset inventory"),
    .statement = N_("Observation: the inventory of information and other associated assets "
                    "(control A.5.9) does not include the handheld scanners used for consignment "
                    "data."),
    .evidence = N_("Asset inventory ISMS-REG-01 lists 0 handheld scanners for Duisburg; device "
                   "management lists 38 enrolled scanners (Zebra TC52) at the site. Scanners store "
                   "consignee names and signatures until the next synchronisation."),
    .area = N_("Warehousing: mobile devices"), .location = DUISBURG,
    .reported_by = ISMS_MANAGER, .owner = DUISBURG_MGR,
    .occurred = -229, .reported = -228,
    .correction = N_("None needed: all scanners are enrolled in device management and can be "
                     "wiped."),
    .correction_on = -228,
    .causes = {
      { 0, "Process", N_("Asset inventory is maintained from purchase orders; scanners were leased"),
        TRUE },
      { 0, "Suppliers & third parties", N_("Leased devices are not reported by the leasing "
                                           "company"), FALSE },
    },
    .actions = { 12, 13 } },
  /* NC-011 */
  { .audit = 3, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_ACTION_PLANNED, .requirement = "A.5.20",
    .title = N_("Colocation contract lacks security incident notification"),
    .statement = N_("Relevant information security requirements are not established in the "
                    "agreement with the colocation provider, as required by control A.5.20."),
    .evidence = N_("Colocation contract with Elbe Rechenzentrum GmbH of 2019 (cage 14, hall B): no "
                   "obligation to notify security incidents, no access logging for the cage, no "
                   "right to audit. The provider's ISO/IEC 27001 certificate expired 3 months "
                   "before the audit and no renewal was requested."),
    .area = N_("Procurement: IT suppliers"), .location = "Elbe Rechenzentrum, Hamburg-Harburg",
    .reported_by = INT_AUDITOR, .owner = PROCUREMENT,
    .occurred = -150, .reported = -150,
    .correction = N_("Current certificate requested from the provider and received; it is valid "
                     "until next year."),
    .correction_on = -140,
    .causes = {
      { 0, "Process", N_("Supplier agreements are not reviewed after signature"), FALSE },
      { 0, "Policy & documentation", N_("The procurement procedure has no security requirements "
                                        "for IT services"), TRUE },
      { 0, "Suppliers & third parties", N_("The provider's standard contract was accepted "
                                           "unchanged"), FALSE },
    },
    .actions = { 14, 15 } },
  /* NC-012 */
  { .audit = 0, .source = RECTIFY_SOURCE_INCIDENT, .grade = RECTIFY_GRADE_MAJOR,
    .status = RECTIFY_STATUS_IMPLEMENTATION, .requirement = "A.8.5",
    .title = N_("Mailbox compromise through webmail without MFA"),
    .statement = N_("Secure authentication is not implemented for remote access as required by "
                    "control A.8.5 and access control policy IT-POL-02 section 7: webmail is "
                    "reachable from the internet with password only."),
    .evidence = N_("Incident INC-2026-0031: the mailbox of a dispatcher was accessed from an IP "
                   "address abroad for 9 days; the attacker sent forged bank details to 3 "
                   "customers, one of whom paid EUR 18,400 to the wrong account. Conditional "
                   "access report: 64 of 310 accounts can sign in to webmail without MFA."),
    .area = N_("IT operations: identity and access management"), .location = HQ,
    .reported_by = SECURITY_ENG, .owner = HEAD_OF_IT,
    .occurred = -130, .reported = -120,
    .correction = N_("Password reset and sessions revoked; forwarding rule removed; customers "
                     "informed by phone; bank recall initiated."),
    .correction_on = -120,
    .causes = {
      { 0, "Technology", N_("MFA was enforced only for VPN, not for webmail"), FALSE },
      { 1, "Policy & documentation", N_("The MFA exception for shared warehouse accounts was "
                                        "applied to the whole dispatch group"), FALSE },
      { 2, "Process", N_("Exceptions to the access control policy have no expiry and no review"),
        TRUE },
      { 0, "Process", N_("Changes of bank details were accepted by e-mail without call-back"),
        TRUE },
      { 0, "People", N_("The dispatcher did not recognise the phishing page"), FALSE },
    },
    .actions = { 16, 17 } },
  /* NC-013 */
  { .audit = 0, .source = RECTIFY_SOURCE_MONITORING, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_VERIFICATION, .requirement = "A.8.7",
    .title = N_("Endpoints not reporting to the malware protection console"),
    .statement = N_("Protection against malware (control A.8.7) is not verified for all endpoints: "
                    "devices that stop reporting are not detected."),
    .evidence = N_("Monthly security KPI report for February: 27 of 240 endpoints (11 %) had not "
                   "reported to the EDR console for more than 30 days, among them 4 servers in "
                   "Duisburg. Target in ISMS-OBJ-01: below 2 %."),
    .area = N_("IT operations: endpoint security"), .location = HQ,
    .reported_by = SECURITY_ENG, .owner = SECURITY_ENG,
    .occurred = -100, .reported = -95,
    .correction = N_("Agents reinstalled on the 27 devices; 3 devices no longer in use "
                     "decommissioned."),
    .correction_on = -90,
    .causes = {
      { 0, "Technology", N_("Agent update failed silently after the console migration"), FALSE },
      { 0, "Process", N_("No one checks for silent agents; the console only alerts on detections"),
        TRUE },
    },
    .actions = { 18 },
    .checks = {
      { RECTIFY_VERIFICATION_METHOD_METRIC, ISMS_MANAGER, 40, RECTIFY_VERIFICATION_RESULT_PENDING,
        0, NULL },
    } },
  /* NC-014 */
  { .audit = 0, .source = RECTIFY_SOURCE_COMPLAINT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_AWAITING_APPROVAL, .requirement = "A.5.14",
    .title = N_("Proof-of-delivery documents sent to the wrong customer"),
    .statement = N_("Information transferred to customers is not protected against misdirection as "
                    "required by control A.5.14."),
    .evidence = N_("Complaint CMP-2026-014 from Hansa Pharma Distribution: the proof-of-delivery "
                   "e-mail of 12 March contained 41 POD documents of another customer, with "
                   "consignee names and signatures. TMS batch log: the POD export grouped by "
                   "billing account, which both customers share through a forwarding agent."),
    .area = N_("Transport: customer service"), .location = HQ,
    .reported_by = CUSTOMER_SVC, .owner = TMS_OWNER,
    .occurred = -72, .reported = -70,
    .correction = N_("Recipient asked to delete the documents and confirmed deletion in writing; "
                     "the POD batch switched to manual release."),
    .correction_on = -69,
    .causes = {
      { 0, "Technology", N_("POD export groups by billing account, not by customer"), TRUE },
      { 0, "Process", N_("TMS changes are released without a test of the POD export"), FALSE },
    },
    .actions = { 19 } },
  /* NC-015 */
  { .audit = 0, .source = RECTIFY_SOURCE_OTHER, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_AWAITING_APPROVAL, .requirement = "A.8.9",
    .title = N_("Default credentials on label printers"),
    .statement = N_("Configurations of network devices are not hardened as required by control "
                    "A.8.9: default administrator credentials are in use."),
    .evidence = N_("External penetration test report PT-2026-02 (finding 3, CVSS 8.8): 11 of 14 "
                   "label printers at Billbrook accept the manufacturer's default password on the "
                   "web interface; from there the tester reached the print queue with shipping "
                   "labels."),
    .area = N_("IT operations: network"), .location = BILLBROOK,
    .reported_by = ISMS_MANAGER, .owner = SECURITY_ENG,
    .occurred = -62, .reported = -60,
    .correction = N_("Default passwords changed on all 14 printers within 2 days."),
    .correction_on = -58,
    .causes = {
      { 0, "Process", N_("Printers are installed by the label supplier, not by IT"), FALSE },
      { 0, "Policy & documentation", N_("No hardening baseline exists for printers and IoT "
                                        "devices"), TRUE },
      { 0, "Suppliers & third parties", N_("The label supplier's installation checklist does not "
                                           "change the passwords"), FALSE },
    },
    .actions = { 20 } },
  /* NC-016 */
  { .audit = 4, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_MAJOR,
    .status = RECTIFY_STATUS_AWAITING_APPROVAL, .requirement = "A.8.13",
    .title = N_("Backups of the warehouse management system are not tested"),
    .statement = N_("Control A.8.13, declared applicable in the Statement of Applicability v3.1, is "
                    "not implemented: backups of the warehouse management system are not tested, "
                    "and a restore during an incident failed. This is a systemic failure of a "
                    "control."),
    .evidence = N_("Backup policy IT-POL-07 section 4.3 requires quarterly restore tests; no restore "
                   "test records exist for the last 12 months for the WMS (server wms-db-01). "
                   "Incident INC-2026-0147: restore of the WMS database failed because the backup "
                   "job has excluded the transaction log volume since the storage migration in "
                   "November. Job logs show \"completed with warnings\" every day since then."),
    .area = N_("IT operations: backup"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = HEAD_OF_IT,
    .occurred = -45, .reported = -44,
    .correction = N_("Full backup of wms-db-01 including the log volume taken and restored "
                     "successfully to the test system; backup selections of all servers "
                     "checked."),
    .correction_on = -40,
    .causes = {
      { 0, "Technology", N_("The restore failed because the log volume was not in the backup"),
        FALSE },
      { 1, "Technology", N_("The backup selection was not updated after the storage migration"),
        FALSE },
      { 2, "Process", N_("The change checklist has no step to review backup scope"), TRUE },
      { 0, "People", N_("Daily backup warnings were not read"), FALSE },
      { 4, "Process", N_("Backup reports go to a shared mailbox without an owner"), TRUE },
      { 0, "Policy & documentation", N_("Restore tests are required by the policy but not "
                                        "scheduled or assigned"), TRUE },
    },
    .actions = { 21, 22, 23 } },
  /* NC-017 */
  { .audit = 4, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_ACTION_PLANNED, .requirement = "A.5.23",
    .title = N_("No security requirements agreed for the cloud TMS"),
    .statement = N_("Processes for the acquisition of cloud services were not applied to the cloud "
                    "transport management system, as required by control A.5.23."),
    .evidence = N_("The TMS has been used as a cloud service from RouteWise Cloud since September. "
                   "The subscription was bought by the transport department on a company card; the "
                   "provider's standard terms contain no security requirements and no exit "
                   "arrangement. The supplier register ISMS-REG-05 does not list the provider."),
    .area = N_("Transport: planning systems"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = PROCUREMENT,
    .occurred = -45, .reported = -44,
    .correction = N_("Provider added to the supplier register; security questionnaire sent."),
    .correction_on = -35,
    .causes = {
      { 0, "Process", N_("Cloud subscriptions can be bought on company cards without "
                         "procurement"), TRUE },
      { 0, "Policy & documentation", N_("The procurement procedure does not mention cloud "
                                        "services"), TRUE },
    },
    .actions = { 14 } },
  /* NC-018 */
  { .audit = 4, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_ANALYSIS, .requirement = "9.2",
    .title = N_("Internal audit programme not carried out as planned"),
    .statement = N_("The internal audit programme is not implemented as planned, and the "
                    "objectivity of the audit process is not ensured, as required by clause 9.2.2."),
    .evidence = N_("Audit programme ISMS-PLN-03 planned audits of the technological controls and of "
                   "the Duisburg site for last year; neither took place and no re-planning was "
                   "recorded. Audit report IA-2025-02 on risk assessment was written by the ISMS "
                   "manager, who owns that process."),
    .area = N_("ISMS: internal audit"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = ISMS_MANAGER,
    .occurred = -45, .reported = -44,
    .correction = N_("Audit programme re-planned; the audit of the risk process assigned to an "
                     "external auditor."),
    .correction_on = -30,
    .causes = {
      { 0, "People", N_("Only one trained internal auditor, who is also the ISMS manager"), FALSE },
      { 0, "Process", N_("The audit programme is not reviewed in the ISMS meeting"), FALSE },
    } },
  /* NC-019 */
  { .audit = 4, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_ACTION_PLANNED, .requirement = "A.8.8",
    .title = N_("Critical vulnerabilities not patched within 14 days"),
    .statement = N_("Technical vulnerabilities are not remediated within the time required by the "
                    "vulnerability management procedure IT-PR-09 (control A.8.8)."),
    .evidence = N_("Vulnerability scan of 3 March: 14 critical findings older than 30 days on 6 "
                   "servers, among them an OpenSSH vulnerability (CVSS 8.1) on tms-app-02 published "
                   "9 weeks earlier. IT-PR-09 requires critical patches within 14 days. No risk "
                   "acceptance recorded."),
    .area = N_("IT operations: patch management"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = HEAD_OF_IT,
    .occurred = -45, .reported = -44,
    .correction = N_("The 14 critical findings were patched within a week after the audit; scan "
                     "clean on re-test."),
    .correction_on = -37,
    .causes = {
      { 0, "Process", N_("No fixed maintenance window for servers"), TRUE },
      { 0, "People", N_("Patching is postponed when operations object to downtime"), FALSE },
      { 2, "Policy & documentation", N_("No escalation path when a patch deadline is missed"),
        TRUE },
    },
    .actions = { 24 } },
  /* NC-020 */
  { .audit = 4, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_OBSERVATION,
    .status = RECTIFY_STATUS_REPORTED, .requirement = "9.3.2",
    .title = N_("Management review input on supplier performance missing"),
    .statement = N_("Observation: the management review did not consider all inputs required by "
                    "clause 9.3.2; the performance of suppliers was not reviewed."),
    .evidence = N_("Minutes of management review MR-2026-01: items 1 to 6 cover audit results, "
                   "incidents and objectives; no information on supplier performance or on the "
                   "changes in interested parties' needs (9.3.2 c) was presented."),
    .area = N_("ISMS: management review"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = ISMS_MANAGER,
    .occurred = -45, .reported = -44 },
  /* NC-021 */
  { .audit = 4, .source = RECTIFY_SOURCE_EXTERNAL_AUDIT, .grade = RECTIFY_GRADE_OFI,
    .status = RECTIFY_STATUS_IMPLEMENTATION, .requirement = "A.5.18",
    .title = N_("Access reviews could use the directory's review campaigns"),
    .statement = N_("Opportunity for improvement: the semi-annual access review (control A.5.18) "
                    "could be run in the identity governance module already licensed, instead of "
                    "exported spreadsheets."),
    .evidence = N_("Access review of January: 43 spreadsheets sent to managers by e-mail; 6 were "
                   "returned after the deadline and 2 not at all."),
    .area = N_("IT operations: identity and access management"), .location = HQ,
    .reported_by = CB_AUDITOR, .owner = SECURITY_ENG,
    .occurred = -45, .reported = -44,
    .correction = N_("None needed: improvement only."), .correction_on = -44,
    .causes = {
      { 0, "Technology", N_("The review campaign feature was not known to the team"), TRUE },
    },
    .actions = { 25, 3 } },
  /* NC-022 */
  { .audit = 5, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_ANALYSIS, .requirement = "A.8.15",
    .title = N_("Firewall logs kept for 7 days instead of 90"),
    .statement = N_("Logs are not stored for the period defined in the logging standard IT-STD-03 "
                    "(90 days), as required by control A.8.15."),
    .evidence = N_("Firewall fw-hq-01: local log retention 7 days; forwarding to the SIEM disabled "
                   "since the firmware update of 18 February (change CHG-2026-0211). The "
                   "investigation of incident INC-2026-0031 could not use firewall logs older than "
                   "7 days."),
    .area = N_("IT operations: logging and monitoring"), .location = HQ,
    .reported_by = INT_AUDITOR, .owner = SECURITY_ENG,
    .occurred = -24, .reported = -23,
    .correction = N_("Syslog forwarding to the SIEM re-enabled and checked on all three "
                     "firewalls."),
    .correction_on = -22,
    .causes = {
      { 0, "Technology", N_("The firmware update reset the syslog configuration"), FALSE },
      { 1, "Process", N_("Post-change tests do not check log forwarding"), FALSE },
    } },
  /* NC-023 */
  { .audit = 5, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_REPORTED, .requirement = "A.5.15",
    .title = N_("Shared account on warehouse terminals"),
    .statement = N_("Access to the warehouse management system is not controlled per user as "
                    "required by control A.5.15 and access control policy IT-POL-02: a shared "
                    "account is in use."),
    .evidence = N_("The 12 terminals at the Billbrook goods-out area are signed in to the WMS as "
                   "user \"lager2\", whose password is written on the terminal frames. WMS audit "
                   "trail for 3 April: 1,870 stock movements by \"lager2\", not attributable to a "
                   "person."),
    .area = N_("Warehousing: goods-out"), .location = BILLBROOK,
    .reported_by = INT_AUDITOR, .owner = BILLBROOK_MGR,
    .occurred = -24, .reported = -23 },
  /* NC-024 */
  { .audit = 5, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_OBSERVATION,
    .status = RECTIFY_STATUS_ANALYSIS, .requirement = "A.8.32",
    .title = N_("Emergency changes not approved afterwards"),
    .statement = N_("Observation: emergency changes are not reviewed and approved after "
                    "implementation as the change management procedure IT-PR-06 requires "
                    "(control A.8.32)."),
    .evidence = N_("Change log January to March: 9 of 11 emergency changes have no retrospective "
                   "approval by the change advisory board, e.g. CHG-2026-0211 (firewall firmware)."),
    .area = N_("IT operations: change management"), .location = HQ,
    .reported_by = INT_AUDITOR, .owner = HEAD_OF_IT,
    .occurred = -24, .reported = -23,
    .correction = N_("The 9 changes were put on the agenda of the next change advisory board."),
    .correction_on = -16,
    .causes = {
      { 0, "Process", N_("The change advisory board meets monthly; emergency changes fall between "
                         "meetings"), FALSE },
    } },
  /* NC-025 */
  { .audit = 5, .source = RECTIFY_SOURCE_INTERNAL_AUDIT, .grade = RECTIFY_GRADE_OFI,
    .status = RECTIFY_STATUS_REPORTED, .requirement = "A.5.37",
    .title = N_("Operating procedures spread over three places"),
    .statement = N_("Opportunity for improvement: documented operating procedures (control A.5.37) "
                    "could be kept in one place."),
    .evidence = N_("Runbooks for the WMS are kept in the wiki, on the file share \\\\fs01\\it\\ops and "
                   "in the TMS vendor's portal; the on-call engineer took 20 minutes to find the "
                   "restart procedure during the audit."),
    .area = N_("IT operations"), .location = HQ,
    .reported_by = INT_AUDITOR, .owner = HEAD_OF_IT,
    .occurred = -24, .reported = -23 },
  /* NC-026 */
  { .audit = 0, .source = RECTIFY_SOURCE_MONITORING, .grade = RECTIFY_GRADE_MINOR,
    .status = RECTIFY_STATUS_REPORTED, .requirement = "A.8.16",
    .title = N_("Brute-force alerts not triaged"),
    .statement = N_("Networks and systems are not monitored for anomalous behaviour as required by "
                    "control A.8.16: SIEM alerts are not triaged."),
    .evidence = N_("SIEM dashboard on 5 June: 43 alerts \"multiple failed logons\" for the VPN "
                   "gateway in the last 14 days with status \"new\"; the SOC runbook requires "
                   "triage within 24 hours."),
    .area = N_("IT operations: logging and monitoring"), .location = HQ,
    .reported_by = SECURITY_ENG, .owner = SECURITY_ENG,
    .occurred = -14, .reported = -10 },
};

/* The scope of the ISMS, as in the certificate. */
static const char *demo_scope =
  N_("The information security management system of Nordlicht Logistics GmbH for the planning, "
     "warehousing and road transport of customer goods, the transport and warehouse management "
     "systems and customer tracking portal that support them, and the IT operations at the "
     "Hamburg head office and the distribution centres Hamburg-Billbrook and Duisburg-Rheinhausen, "
     "according to the Statement of Applicability version 3.1.");

static const char *
pool_date (GPtrArray  *pool,
           const char *today,
           int         offset)
{
  char *date = rectify_date_add_days (today, offset);

  g_assert (date != NULL);
  g_ptr_array_add (pool, date);
  return date;
}

static char *
make_audit_title (const char       *starts_on,
                  RectifyAuditKind  kind,
                  const char       *topic)
{
  GDate date;
  int quarter;
  const char *label = rectify_enum_to_label (RECTIFY_TYPE_AUDIT_KIND, kind);

  if (!rectify_date_parse (starts_on, &date))
    g_assert_not_reached ();
  quarter = (g_date_get_month (&date) - 1) / 3 + 1;

  if (topic != NULL)
    /* Translators: an audit title: the kind of audit, quarter, year and topic,
     * "Internal audit Q4 2025: HR, awareness and physical security" */
    return g_strdup_printf (_("%s Q%d %d: %s"), label, quarter, g_date_get_year (&date), topic);
  else
    /* Translators: an audit title: the kind of audit, quarter and year, "Surveillance audit Q2 2026" */
    return g_strdup_printf (_("%s Q%d %d"), label, quarter, g_date_get_year (&date));
}

static int
default_due_days (RectifyGrade grade)
{
  switch (grade)
    {
    case RECTIFY_GRADE_MAJOR:
      return 90;
    case RECTIFY_GRADE_MINOR:
      return 365;
    case RECTIFY_GRADE_OBSERVATION:
      return 180;
    case RECTIFY_GRADE_OFI:
    default:
      return -1;
    }
}

static char *
resolve_today (const char  *today,
               GError     **error)
{
  if (today == NULL)
    return rectify_date_today ();

  if (!rectify_date_parse (today, NULL))
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), today);
      return NULL;
    }

  return g_strdup (today);
}

static gboolean
check_empty (RectifyRegister  *reg,
             GError          **error)
{
  if (g_list_model_get_n_items (rectify_register_get_nonconformities (reg)) > 0 ||
      g_list_model_get_n_items (rectify_register_get_actions (reg)) > 0 ||
      g_list_model_get_n_items (rectify_register_get_audits (reg)) > 0)
    {
      g_set_error_literal (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                           _("The register is not empty"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_causes (RectifyRegister       *reg,
            RectifyNonconformity  *nc,
            const DemoCause       *causes,
            guint                  n_causes,
            GError               **error)
{
  gint64 ids[MAX_CAUSES] = { 0 };
  int positions[MAX_CAUSES + 1] = { 0 };

  g_assert (n_causes <= MAX_CAUSES);

  for (guint i = 0; i < n_causes && causes[i].text != NULL; i++)
    {
      g_autoptr(RectifyCause) cause = rectify_cause_new ();
      int parent = causes[i].parent;

      g_assert (parent >= 0 && parent <= (int)i);

      g_object_set (cause,
                    "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                    "parent-id", parent > 0 ? ids[parent - 1] : (gint64)0,
                    "category", causes[i].category,
                    "text", _(causes[i].text),
                    "position", positions[parent]++,
                    "is-root", causes[i].is_root,
                    NULL);
      if (!rectify_register_add (reg, RECTIFY_ENTITY (cause), error))
        return FALSE;
      ids[i] = rectify_entity_get_id (RECTIFY_ENTITY (cause));
    }

  return TRUE;
}

static gboolean
populate_hand_written (RectifyRegister  *reg,
                       const char       *today,
                       GError          **error)
{
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) audits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);

  if (!rectify_register_set_info (reg, "organisation", ORGANISATION, error) ||
      !rectify_register_set_info (reg, "scope", _(demo_scope), error) ||
      !rectify_register_set_info (reg, "certification-body", CERTIFICATION_BODY, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_audits); i++)
    {
      const DemoAudit *d = &demo_audits[i];
      g_autoptr(RectifyAudit) audit = rectify_audit_new ();
      const char *starts_on = pool_date (pool, today, d->starts);
      g_autofree char *title = make_audit_title (starts_on, d->kind,
                                                 d->topic != NULL ? _(d->topic) : NULL);

      g_object_set (audit,
                    "title", title,
                    "kind", d->kind,
                    "starts-on", starts_on,
                    "ends-on", pool_date (pool, today, d->starts + d->n_days - 1),
                    "lead-auditor", d->lead_auditor,
                    "certification-body", d->by_cb ? CERTIFICATION_BODY : NULL,
                    "scope", _(demo_scope),
                    NULL);
      if (!rectify_register_add (reg, RECTIFY_ENTITY (audit), error))
        return FALSE;
      g_ptr_array_add (audits, g_steal_pointer (&audit));
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_actions); i++)
    {
      const DemoAction *d = &demo_actions[i];
      g_autoptr(RectifyAction) action = rectify_action_new ();
      g_autofree char *ref = g_strdup_printf ("A-%03u", i + 1);

      g_object_set (action,
                    "ref", ref,
                    "title", _(d->title),
                    "description", _(d->description),
                    "owner", d->owner,
                    "target-on", pool_date (pool, today, d->target),
                    "resources", d->resources != NULL ? _(d->resources) : NULL,
                    "success-criterion", _(d->success),
                    "status", d->status,
                    "done-on", (d->status == RECTIFY_ACTION_STATUS_DONE
                                ? pool_date (pool, today, d->done) : NULL),
                    NULL);
      if (!rectify_register_add (reg, RECTIFY_ENTITY (action), error))
        return FALSE;

      /* A done action shows its evidence (the gate out of Implementation asks for it) */
      if (d->status == RECTIFY_ACTION_STATUS_DONE)
        {
          g_autoptr(RectifyEvidence) evidence = rectify_evidence_new ();
          g_autofree char *name = g_strdup_printf ("%s-completion-record.txt", ref);
          g_autofree char *text =
            /* Translators: the text of a small demo evidence file; the %s are an action
             * reference, its title, the date it was done and its success criterion */
            g_strdup_printf (_("Completion record for %s: %s\nDone on %s.\nSuccess criterion: "
                               "%s\n"),
                             ref, _(d->title), pool_date (pool, today, d->done), _(d->success));
          g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

          text = NULL;
          g_object_set (evidence,
                        "action-id", rectify_entity_get_id (RECTIFY_ENTITY (action)),
                        "name", name,
                        "mime-type", "text/plain",
                        "added-by", d->owner,
                        NULL);
          if (!rectify_register_add_evidence (reg, evidence, bytes, error))
            return FALSE;
        }

      g_ptr_array_add (actions, g_steal_pointer (&action));
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_ncs); i++)
    {
      const DemoNc *d = &demo_ncs[i];
      g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
      g_autofree char *ref = g_strdup_printf ("NC-%03u", i + 1);
      const char *reported_on = pool_date (pool, today, d->reported);
      int due_days = d->due != 0 ? d->due : default_due_days (d->grade);
      int cap_from = d->reported;
      gint64 audit_id = 0;

      if (d->audit > 0)
        {
          RectifyAudit *audit = g_ptr_array_index (audits, d->audit - 1);

          audit_id = rectify_entity_get_id (RECTIFY_ENTITY (audit));
          cap_from = demo_audits[d->audit - 1].starts + demo_audits[d->audit - 1].n_days - 1;
        }

      g_object_set (nc,
                    "ref", ref,
                    "title", _(d->title),
                    "statement", _(d->statement),
                    "requirement", d->requirement,
                    "evidence", _(d->evidence),
                    "area", _(d->area),
                    "source", d->source,
                    "audit-id", audit_id,
                    "occurred-on", pool_date (pool, today, d->occurred),
                    "location", d->location,
                    "reported-by", d->reported_by,
                    "reported-on", reported_on,
                    "owner", d->owner,
                    "grade", d->grade,
                    "status", d->status,
                    "cap-due-on", pool_date (pool, today, cap_from + 30),
                    "due-on", due_days >= 0 ? pool_date (pool, today, d->reported + due_days) : NULL,
                    NULL);
      if (d->correction != NULL)
        g_object_set (nc,
                      "correction", _(d->correction),
                      "correction-on", pool_date (pool, today, d->correction_on),
                      NULL);
      if (d->status == RECTIFY_STATUS_CLOSED)
        g_object_set (nc,
                      "closed-on", pool_date (pool, today, d->closed),
                      "closed-by", ISMS_MANAGER,
                      NULL);

      if (!rectify_register_add (reg, RECTIFY_ENTITY (nc), error))
        return FALSE;

      if (!add_causes (reg, nc, d->causes, MAX_CAUSES, error))
        return FALSE;

      for (guint j = 0; j < MAX_LINKS && d->actions[j] > 0; j++)
        {
          RectifyAction *action = g_ptr_array_index (actions, d->actions[j] - 1);

          if (!rectify_register_link_action (reg, nc, action, error))
            return FALSE;
        }

      /* Past Awaiting approval the plan was approved, for a major also by the CB */
      if (d->status > RECTIFY_STATUS_AWAITING_APPROVAL && d->actions[0] > 0)
        {
          const char *decided_on = pool_date (pool, today, MIN (d->reported + 14, -1));

          if (!rectify_register_record_approval (reg, nc, "management", CEO, TRUE, decided_on, NULL,
                                                 NULL, error))
            return FALSE;
          if (d->grade == RECTIFY_GRADE_MAJOR &&
              !rectify_register_record_approval (reg, nc, "certification-body", CB_AUDITOR, TRUE,
                                                 decided_on, NULL, NULL, error))
            return FALSE;
        }

      for (guint j = 0; j < MAX_CHECKS && d->checks[j].verifier != NULL; j++)
        {
          const DemoCheck *c = &d->checks[j];
          g_autoptr(RectifyVerification) check = rectify_verification_new ();

          g_object_set (check,
                        "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (nc)),
                        "due-on", pool_date (pool, today, c->due),
                        "method", c->method,
                        "verifier", c->verifier,
                        "result", c->result,
                        "verified-on", (c->result != RECTIFY_VERIFICATION_RESULT_PENDING
                                        ? pool_date (pool, today, c->verified) : NULL),
                        "comment", c->comment != NULL ? _(c->comment) : NULL,
                        NULL);
          if (!rectify_register_add (reg, RECTIFY_ENTITY (check), error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * rectify_demo_populate:
 * @reg: an empty register
 * @today: (nullable): the date the demo is relative to, "YYYY-MM-DD"; %NULL for today
 * @error: return location for a #GError
 *
 * Fills @reg with the ISMS of a fictional logistics company in one transaction; on failure
 * nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
rectify_demo_populate (RectifyRegister  *reg,
                       const char       *today,
                       GError          **error)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(day = resolve_today (today, error)) || !check_empty (reg, error))
    return FALSE;

  if (!rectify_register_begin (reg, error))
    return FALSE;

  if (!populate_hand_written (reg, day, error))
    {
      rectify_register_rollback (reg);
      return FALSE;
    }

  return rectify_register_commit (reg, error);
}

/* Synthetic data: word lists put together by a seeded GRand. Not translated: only for
 * benchmarks and tests. */

static const char * const syn_requirements[] = {
  "4.3", "5.2", "5.3", "6.1.2", "6.1.3", "6.2", "7.2", "7.3", "7.5.3", "8.1", "9.1", "9.2",
  "9.3.2", "10.2", "A.5.1", "A.5.9", "A.5.10", "A.5.12", "A.5.15", "A.5.18", "A.5.19", "A.5.20",
  "A.5.23", "A.5.24", "A.5.26", "A.5.30", "A.5.34", "A.6.1", "A.6.3", "A.6.7", "A.7.1", "A.7.2",
  "A.7.7", "A.7.10", "A.8.1", "A.8.2", "A.8.5", "A.8.7", "A.8.8", "A.8.9", "A.8.12", "A.8.13",
  "A.8.15", "A.8.16", "A.8.20", "A.8.24", "A.8.25", "A.8.28", "A.8.32",
};

static const char * const syn_subjects[] = {
  "Access review", "Backup job", "Supplier contract", "Risk register", "Training record",
  "Firewall rule set", "Visitor log", "Patch report", "Asset inventory", "Change record",
  "Incident ticket", "Encryption key", "Service account", "Cloud subscription", "Log retention",
  "Awareness campaign", "Business continuity plan", "Data classification label",
  "Privileged account", "Penetration test finding",
};

static const char * const syn_problems[] = {
  "not performed", "incomplete", "out of date", "not approved", "missing", "not reviewed",
  "inconsistent with policy", "not communicated", "not tested", "overdue",
};

static const char * const syn_areas[] = {
  "IT operations", "Human resources", "Warehousing", "Transport", "Procurement", "Finance",
  "Customer service", "Facilities", "Software development", "ISMS management",
};

static const char * const syn_places[] = {
  "Hamburg head office", "Billbrook distribution centre", "Duisburg distribution centre",
  "Bremen cross-dock", "Leipzig hub", "Data centre",
};

static const char * const syn_people[] = {
  "Jana Petersen", "Tobias Brandt", "Lukas Schreiber", "Aylin Demir", "Markus Vogel",
  "Sven Ohlsen", "Katrin Albers", "Felix Wagner", "Claudia Neumann", "Nina Hartmann",
  "Ole Jansen", "Miriam Kessler", "Birgit Sommer", "Paul Richter", "Lea Hoffmann",
};

static const char * const syn_categories[] = {
  "People", "Process", "Technology", "Policy & documentation", "Suppliers & third parties",
  "Environment",
};

static const char * const syn_causes[] = {
  "No owner assigned", "Procedure does not cover the case", "Tool not configured",
  "Staff not trained", "Supplier not informed", "Deadline not monitored",
  "Responsibilities unclear", "Resources not available", "Template outdated",
  "Change not communicated",
};

static const char * const syn_verbs[] = {
  "Define", "Automate", "Review", "Train staff on", "Document", "Monitor", "Assign an owner to",
  "Test", "Update", "Schedule",
};

#define SYN_MAX_ACTIONS 5

typedef struct
{
  const char          *verb;
  const char          *owner;
  int                  target;
  int                  done;
  RectifyActionStatus  status;
} SynAction;

#define PICK(r, list) ((list)[g_rand_int_range ((r), 0, G_N_ELEMENTS (list))])

static gboolean
populate_synthetic (RectifyRegister  *reg,
                    guint             count,
                    GRand            *rand,
                    const char       *today,
                    GError          **error)
{
  g_autoptr(GPtrArray) pool = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) audits = g_ptr_array_new_with_free_func (g_object_unref);
  /* Status weights: most NCs are closed, the rest spread over the board. */
  static const int status_weights[RECTIFY_N_STATUSES] = { 8, 10, 8, 6, 12, 8, 48 };
  static const int grade_weights[RECTIFY_N_GRADES] = { 8, 52, 25, 15 };
  enum { n_audits = 6 };
  int audit_ends[n_audits];
  guint digits = 3;
  guint action_no = 0;

  for (guint n = count; n >= 1000; n /= 10)
    digits++;

  if (!rectify_register_set_info (reg, "organisation", "Synthetic Example Ltd", error) ||
      !rectify_register_set_info (reg, "scope", "Synthetic benchmark data", error) ||
      !rectify_register_set_info (reg, "certification-body", "Example Certification Ltd", error))
    return FALSE;

  /* Every random draw is its own statement: the order in which C evaluates function arguments
   * is unspecified, and the data must be the same for the same seed. */
  for (guint i = 0; i < n_audits; i++)
    {
      g_autoptr(RectifyAudit) audit = rectify_audit_new ();
      RectifyAuditKind kind = i % 2 == 0 ? RECTIFY_AUDIT_KIND_INTERNAL
                                         : RECTIFY_AUDIT_KIND_SURVEILLANCE;
      int starts = -720 + (int)i * 120 + g_rand_int_range (rand, 0, 30);

      audit_ends[i] = starts + 2;
      const char *lead = PICK (rand, syn_people);
      g_autofree char *title = g_strdup_printf ("Synthetic audit %u", i + 1);

      g_object_set (audit,
                    "title", title,
                    "kind", kind,
                    "starts-on", pool_date (pool, today, starts),
                    "ends-on", pool_date (pool, today, starts + 2),
                    "lead-auditor", lead,
                    "certification-body", (kind == RECTIFY_AUDIT_KIND_SURVEILLANCE
                                           ? "Example Certification Ltd" : NULL),
                    NULL);
      if (!rectify_register_add (reg, RECTIFY_ENTITY (audit), error))
        return FALSE;
      g_ptr_array_add (audits, g_steal_pointer (&audit));
    }

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
      g_autofree char *ref = g_strdup_printf ("NC-%0*u", digits, i + 1);
      g_autofree char *title = NULL;
      g_autofree char *statement = NULL;
      g_autofree char *evidence = NULL;
      g_autofree char *subject_lower = NULL;
      const char *subject = PICK (rand, syn_subjects);
      const char *problem = PICK (rand, syn_problems);
      const char *requirement = PICK (rand, syn_requirements);
      const char *area = PICK (rand, syn_areas);
      const char *location = PICK (rand, syn_places);
      const char *reported_by = PICK (rand, syn_people);
      const char *owner = PICK (rand, syn_people);
      RectifyStatus status = RECTIFY_STATUS_CLOSED;
      RectifyGrade grade = RECTIFY_GRADE_OFI;
      RectifySource source = g_rand_int_range (rand, 0, RECTIFY_N_SOURCES);
      int reported = -g_rand_int_range (rand, 1, 720);
      int n_sampled = g_rand_int_range (rand, 1, 10);
      int n_checked = g_rand_int_range (rand, 10, 40);
      SynAction actions[SYN_MAX_ACTIONS];
      guint n_actions = 0;
      gint64 audit_id = 0;
      int occurred;
      int due_days;
      int last_done;
      int verified;
      int roll;
      gint64 nc_id;

      roll = g_rand_int_range (rand, 0, 100);
      for (int s = 0; s < RECTIFY_N_STATUSES; s++)
        if ((roll -= status_weights[s]) < 0)
          {
            status = s;
            break;
          }
      roll = g_rand_int_range (rand, 0, 100);
      for (int g = 0; g < RECTIFY_N_GRADES; g++)
        if ((roll -= grade_weights[g]) < 0)
          {
            grade = g;
            break;
          }
      if (source == RECTIFY_SOURCE_INTERNAL_AUDIT || source == RECTIFY_SOURCE_EXTERNAL_AUDIT)
        {
          /* Internal audits have even indices, certification audits odd ones. */
          guint a = 2 * g_rand_int_range (rand, 0, n_audits / 2) +
                    (source == RECTIFY_SOURCE_EXTERNAL_AUDIT ? 1 : 0);

          audit_id = rectify_entity_get_id (g_ptr_array_index (audits, a));
          reported = audit_ends[a];
        }
      occurred = reported - g_rand_int_range (rand, 0, 10);
      due_days = default_due_days (grade);

      /* The actions are drawn first: the NC's closing date follows from them. */
      last_done = reported;
      if (status >= RECTIFY_STATUS_ACTION_PLANNED)
        n_actions = g_rand_int_range (rand, 2, SYN_MAX_ACTIONS + 1);
      for (guint a = 0; a < n_actions; a++)
        {
          SynAction *action = &actions[a];

          action->verb = PICK (rand, syn_verbs);
          action->owner = PICK (rand, syn_people);
          action->target = reported + g_rand_int_range (rand, 20, 120);
          action->status = RECTIFY_ACTION_STATUS_PLANNED;
          if (status >= RECTIFY_STATUS_VERIFICATION)
            action->status = RECTIFY_ACTION_STATUS_DONE;
          else if (status == RECTIFY_STATUS_IMPLEMENTATION)
            action->status = g_rand_int_range (rand, RECTIFY_ACTION_STATUS_PLANNED,
                                               RECTIFY_ACTION_STATUS_DONE + 1);
          action->done = MIN (action->target, 0);
          if (action->status == RECTIFY_ACTION_STATUS_DONE)
            last_done = MAX (last_done, action->done);
        }
      verified = MIN (last_done + 30, 0);

      subject_lower = g_ascii_strdown (subject, -1);
      title = g_strdup_printf ("%s %s (%s)", subject, problem, area);
      statement = g_strdup_printf ("The requirement %s is not met: the %s is %s in %s.",
                                   requirement, subject_lower, problem, area);
      evidence = g_strdup_printf ("%d of %d sampled records checked at %s; reference SYN-%05u.",
                                  n_sampled, n_checked, location, i + 1);

      g_object_set (nc,
                    "ref", ref,
                    "title", title,
                    "statement", statement,
                    "requirement", requirement,
                    "evidence", evidence,
                    "area", area,
                    "source", source,
                    "audit-id", audit_id,
                    "occurred-on", pool_date (pool, today, occurred),
                    "location", location,
                    "reported-by", reported_by,
                    "reported-on", pool_date (pool, today, reported),
                    "owner", owner,
                    "grade", grade,
                    "status", status,
                    "cap-due-on", pool_date (pool, today, reported + 30),
                    "due-on", due_days >= 0 ? pool_date (pool, today, reported + due_days) : NULL,
                    NULL);
      if (status >= RECTIFY_STATUS_ANALYSIS)
        g_object_set (nc,
                      "correction", "Immediate containment applied.",
                      "correction-on", pool_date (pool, today, MIN (reported + 2, 0)),
                      NULL);
      if (status == RECTIFY_STATUS_CLOSED)
        g_object_set (nc,
                      "closed-on", pool_date (pool, today, verified),
                      "closed-by", syn_people[i % G_N_ELEMENTS (syn_people)],
                      NULL);

      if (!rectify_register_add (reg, RECTIFY_ENTITY (nc), error))
        return FALSE;
      nc_id = rectify_entity_get_id (RECTIFY_ENTITY (nc));

      if (status >= RECTIFY_STATUS_ANALYSIS)
        {
          gint64 parent_id = 0;
          guint n_causes = g_rand_int_range (rand, 1, 4);

          /* A chain of whys; the deepest is the root cause. */
          for (guint c = 0; c < n_causes; c++)
            {
              g_autoptr(RectifyCause) cause = rectify_cause_new ();
              const char *category = PICK (rand, syn_categories);
              const char *text = PICK (rand, syn_causes);

              g_object_set (cause,
                            "nc-id", nc_id,
                            "parent-id", parent_id,
                            "category", category,
                            "text", text,
                            "position", 0,
                            "is-root", c == n_causes - 1,
                            NULL);
              if (!rectify_register_add (reg, RECTIFY_ENTITY (cause), error))
                return FALSE;
              parent_id = rectify_entity_get_id (RECTIFY_ENTITY (cause));
            }
        }

      for (guint a = 0; a < n_actions; a++)
        {
          g_autoptr(RectifyAction) action = rectify_action_new ();
          g_autofree char *action_ref = g_strdup_printf ("A-%0*u", digits + 1, ++action_no);
          g_autofree char *action_title = g_strdup_printf ("%s %s", actions[a].verb,
                                                           subject_lower);

          g_object_set (action,
                        "ref", action_ref,
                        "title", action_title,
                        "owner", actions[a].owner,
                        "target-on", pool_date (pool, today, actions[a].target),
                        "success-criterion", "No recurrence in the next two audits",
                        "status", actions[a].status,
                        "done-on", (actions[a].status == RECTIFY_ACTION_STATUS_DONE
                                    ? pool_date (pool, today, actions[a].done) : NULL),
                        NULL);
          if (!rectify_register_add (reg, RECTIFY_ENTITY (action), error) ||
              !rectify_register_link_action (reg, nc, action, error))
            return FALSE;
        }

      if (status >= RECTIFY_STATUS_VERIFICATION)
        {
          g_autoptr(RectifyVerification) check = rectify_verification_new ();
          gboolean closed = status == RECTIFY_STATUS_CLOSED;
          RectifyVerificationMethod method = g_rand_int_range (rand, 0, 4);
          const char *verifier = PICK (rand, syn_people);

          g_object_set (check,
                        "nc-id", nc_id,
                        "due-on", pool_date (pool, today, last_done + 90),
                        "method", method,
                        "verifier", verifier,
                        "result", (closed ? RECTIFY_VERIFICATION_RESULT_EFFECTIVE
                                          : RECTIFY_VERIFICATION_RESULT_PENDING),
                        "verified-on", closed ? pool_date (pool, today, verified) : NULL,
                        NULL);
          if (!rectify_register_add (reg, RECTIFY_ENTITY (check), error))
            return FALSE;
        }

      /* Keep the pool of date strings small on large counts. */
      if (pool->len > 1024)
        g_ptr_array_set_size (pool, 0);
    }

  return TRUE;
}

/**
 * rectify_demo_populate_synthetic:
 * @reg: an empty register
 * @count: the number of NCs
 * @seed: seed of the random generator
 * @today: (nullable): the date the data is relative to, "YYYY-MM-DD"; %NULL for today
 * @error: return location for a #GError
 *
 * Fills @reg with @count synthetic NCs, identical for the same @seed and @today, in one
 * transaction; on failure nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
rectify_demo_populate_synthetic (RectifyRegister  *reg,
                                 guint             count,
                                 guint32           seed,
                                 const char       *today,
                                 GError          **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(day = resolve_today (today, error)) || !check_empty (reg, error))
    return FALSE;

  rand = g_rand_new_with_seed (seed);

  if (!rectify_register_begin (reg, error))
    return FALSE;

  if (!populate_synthetic (reg, count, rand, day, error))
    {
      rectify_register_rollback (reg);
      return FALSE;
    }

  return rectify_register_commit (reg, error);
}
