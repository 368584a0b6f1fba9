/* test-models.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rectify-action.h"
#include "rectify-audit.h"
#include "rectify-cause.h"
#include "rectify-evidence.h"
#include "rectify-nonconformity.h"
#include "rectify-verification.h"

typedef struct
{
  const char   *table_name;
  GType       (*get_type) (void);
  const char   *properties[32];
} EntityInfo;

/* The property contract of the headers; the register maps each (but "id") to a column. */
static const EntityInfo entities[] = {
  { "nonconformity", rectify_nonconformity_get_type,
    { "id", "ref", "title", "statement", "requirement", "evidence", "area", "source", "audit-id",
      "occurred-on", "location", "reported-by", "reported-on", "owner", "grade", "correction",
      "correction-on", "status", "cap-due-on", "due-on", "closed-on", "created-at", "updated-at",
      "correction-by", "correction-not-needed", "correction-reason", "closed-by", NULL } },
  { "action", rectify_action_get_type,
    { "id", "ref", "title", "description", "owner", "target-on", "resources", "success-criterion",
      "status", "done-on", NULL } },
  { "cause", rectify_cause_get_type,
    { "id", "nc-id", "parent-id", "category", "text", "position", "is-root", NULL } },
  { "audit", rectify_audit_get_type,
    { "id", "title", "kind", "starts-on", "ends-on", "lead-auditor", "certification-body",
      "scope", NULL } },
  { "evidence", rectify_evidence_get_type,
    { "id", "nc-id", "action-id", "name", "mime-type", "size", "sha256", "added-by", "added-at",
      NULL } },
  { "verification", rectify_verification_get_type,
    { "id", "nc-id", "due-on", "method", "verifier", "verified-on", "result", "comment", NULL } },
};

/* Counts "notify" emissions per property name. */
static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer)pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
notify_count (GHashTable *counts,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

static guint
total_notify_count (GHashTable *counts)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

/* A value different from the default, distinct for each property (by @index). */
static void
make_value (GParamSpec *pspec,
            guint       index,
            GValue     *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      g_autofree char *s = g_strdup_printf ("value of %s – ünïcode %u", pspec->name, index);
      g_value_set_string (value, s);
    }
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, G_GINT64_CONSTANT (5000000000) + index);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, (int)index + 3);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, TRUE);
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int def = G_PARAM_SPEC_ENUM (pspec)->default_value;
      /* The last value, or the first when the default is the last. */
      int v = klass->values[klass->n_values - 1].value;

      if (v == def)
        v = klass->values[0].value;
      g_value_set_enum (value, v);
    }
  else
    g_assert_not_reached ();
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  g_assert_true (G_VALUE_TYPE (b) == type);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_INT64)
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);

  g_assert_not_reached ();
}

static void
test_property_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      const EntityInfo *info = &entities[i];
      GObjectClass *klass = g_type_class_ref (info->get_type ());
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;
      guint n_expected = g_strv_length ((char **)info->properties);

      g_assert_true (g_type_is_a (info->get_type (), RECTIFY_TYPE_ENTITY));
      g_assert_true (G_TYPE_IS_FINAL (info->get_type ()));

      pspecs = g_object_class_list_properties (klass, &n_pspecs);
      g_assert_cmpuint (n_pspecs, ==, n_expected);

      for (guint j = 0; info->properties[j] != NULL; j++)
        {
          GParamSpec *pspec = g_object_class_find_property (klass, info->properties[j]);
          GParamFlags want = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

          g_assert_nonnull (pspec);
          g_assert_cmpint (pspec->flags & want, ==, want);
          g_assert_false (pspec->flags & (G_PARAM_CONSTRUCT | G_PARAM_CONSTRUCT_ONLY));
        }

      /* Integer ids and sizes can never be negative. */
      for (guint j = 0; j < n_pspecs; j++)
        {
          if (G_IS_PARAM_SPEC_INT64 (pspecs[j]))
            g_assert_cmpint (G_PARAM_SPEC_INT64 (pspecs[j])->minimum, ==, 0);
        }

      g_type_class_unref (klass);
    }
}

static void
test_table_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autoptr(RectifyEntity) entity = g_object_new (entities[i].get_type (), NULL);
      RectifyEntityClass *klass = RECTIFY_ENTITY_GET_CLASS (entity);

      g_assert_cmpstr (rectify_entity_get_table_name (entity), ==, entities[i].table_name);
      g_assert_cmpstr (klass->table_name, ==, entities[i].table_name);
    }
}

static void
test_defaults (void)
{
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  g_autoptr(RectifyAction) action = rectify_action_new ();
  g_autoptr(RectifyCause) cause = rectify_cause_new ();
  g_autoptr(RectifyAudit) audit = rectify_audit_new ();
  g_autoptr(RectifyEvidence) evidence = rectify_evidence_new ();
  g_autoptr(RectifyVerification) verification = rectify_verification_new ();

  g_assert_cmpint (rectify_entity_get_id (RECTIFY_ENTITY (nc)), ==, 0);
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, RECTIFY_STATUS_REPORTED);
  g_assert_cmpint (rectify_nonconformity_get_grade (nc), ==, RECTIFY_GRADE_MINOR);
  g_assert_cmpint (rectify_nonconformity_get_source (nc), ==, RECTIFY_SOURCE_INTERNAL_AUDIT);
  g_assert_cmpint (rectify_nonconformity_get_audit_id (nc), ==, 0);
  g_assert_null (rectify_nonconformity_get_ref (nc));
  g_assert_null (rectify_nonconformity_get_due_on (nc));

  g_assert_cmpint (rectify_action_get_status (action), ==, RECTIFY_ACTION_STATUS_PLANNED);
  g_assert_null (rectify_action_get_target_on (action));

  g_assert_cmpint (rectify_cause_get_position (cause), ==, 0);
  g_assert_false (rectify_cause_get_is_root (cause));
  g_assert_cmpint (rectify_cause_get_parent_id (cause), ==, 0);
  g_assert_null (rectify_cause_get_text (cause));

  g_assert_cmpint (rectify_audit_get_kind (audit), ==, RECTIFY_AUDIT_KIND_INTERNAL);
  g_assert_null (rectify_audit_get_title (audit));

  g_assert_cmpint (rectify_evidence_get_size (evidence), ==, 0);
  g_assert_null (rectify_evidence_get_sha256 (evidence));

  g_assert_cmpint (rectify_verification_get_method (verification), ==,
                   RECTIFY_VERIFICATION_METHOD_DOCUMENT_REVIEW);
  g_assert_cmpint (rectify_verification_get_result (verification), ==,
                   RECTIFY_VERIFICATION_RESULT_PENDING);

  /* The values the objects start with are the defaults the param specs advertise. */
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autoptr(GObject) object = g_object_new (entities[i].get_type (), NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
      for (guint j = 0; j < n_pspecs; j++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_object_get_property (object, pspecs[j]->name, &value);
          g_assert_true (g_param_value_defaults (pspecs[j], &value));
        }
    }
}

/* Every property is stored and read back, through GValues and through the typed getters. */
static void
test_roundtrip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autoptr(GObject) object = g_object_new (entities[i].get_type (), NULL);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

      for (guint j = 0; j < n_pspecs; j++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          make_value (pspecs[j], j, &value);
          g_object_set_property (object, pspecs[j]->name, &value);
        }

      for (guint j = 0; j < n_pspecs; j++)
        {
          g_auto(GValue) expected = G_VALUE_INIT;
          g_auto(GValue) actual = G_VALUE_INIT;

          make_value (pspecs[j], j, &expected);
          g_value_init (&actual, G_PARAM_SPEC_VALUE_TYPE (pspecs[j]));
          g_object_get_property (object, pspecs[j]->name, &actual);
          if (!values_equal (&expected, &actual))
            g_error ("%s:%s did not round-trip", entities[i].table_name, pspecs[j]->name);
        }

      /* Strings go back to NULL. */
      for (guint j = 0; j < n_pspecs; j++)
        {
          g_autofree char *s = NULL;

          if (G_PARAM_SPEC_VALUE_TYPE (pspecs[j]) != G_TYPE_STRING)
            continue;

          g_object_set (object, pspecs[j]->name, NULL, NULL);
          g_object_get (object, pspecs[j]->name, &s, NULL);
          g_assert_null (s);
        }
    }
}

static void
test_getters (void)
{
  g_autoptr(RectifyNonconformity) nc = NULL;
  g_autoptr(RectifyAction) action = NULL;
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(RectifyAudit) audit = NULL;
  g_autoptr(RectifyEvidence) evidence = NULL;
  g_autoptr(RectifyVerification) verification = NULL;

  nc = g_object_new (RECTIFY_TYPE_NONCONFORMITY,
                     "id", (gint64)12,
                     "ref", "NC-012",
                     "title", "Access review skipped",
                     "statement", "Quarterly access reviews were not performed.",
                     "requirement", "A.5.18",
                     "evidence", "No review records for Q3 and Q4",
                     "area", "IT operations",
                     "source", RECTIFY_SOURCE_EXTERNAL_AUDIT,
                     "audit-id", (gint64)3,
                     "occurred-on", "2026-01-10",
                     "location", "Lyon",
                     "reported-by", "A. Auditor",
                     "reported-on", "2026-01-12",
                     "owner", "IT manager",
                     "grade", RECTIFY_GRADE_MAJOR,
                     "correction", "Reviews done for Q4",
                     "correction-on", "2026-01-20",
                     "status", RECTIFY_STATUS_ANALYSIS,
                     "cap-due-on", "2026-02-11",
                     "due-on", "2026-04-12",
                     "closed-on", "2026-05-01",
                     "created-at", "2026-01-12T09:00:00Z",
                     "updated-at", "2026-01-13T10:30:00Z",
                     NULL);
  g_assert_cmpint (rectify_entity_get_id (RECTIFY_ENTITY (nc)), ==, 12);
  g_assert_cmpstr (rectify_nonconformity_get_ref (nc), ==, "NC-012");
  g_assert_cmpstr (rectify_nonconformity_get_title (nc), ==, "Access review skipped");
  g_assert_cmpstr (rectify_nonconformity_get_statement (nc), ==,
                   "Quarterly access reviews were not performed.");
  g_assert_cmpstr (rectify_nonconformity_get_requirement (nc), ==, "A.5.18");
  g_assert_cmpstr (rectify_nonconformity_get_evidence (nc), ==, "No review records for Q3 and Q4");
  g_assert_cmpstr (rectify_nonconformity_get_area (nc), ==, "IT operations");
  g_assert_cmpint (rectify_nonconformity_get_source (nc), ==, RECTIFY_SOURCE_EXTERNAL_AUDIT);
  g_assert_cmpint (rectify_nonconformity_get_audit_id (nc), ==, 3);
  g_assert_cmpstr (rectify_nonconformity_get_occurred_on (nc), ==, "2026-01-10");
  g_assert_cmpstr (rectify_nonconformity_get_location (nc), ==, "Lyon");
  g_assert_cmpstr (rectify_nonconformity_get_reported_by (nc), ==, "A. Auditor");
  g_assert_cmpstr (rectify_nonconformity_get_reported_on (nc), ==, "2026-01-12");
  g_assert_cmpstr (rectify_nonconformity_get_owner (nc), ==, "IT manager");
  g_assert_cmpint (rectify_nonconformity_get_grade (nc), ==, RECTIFY_GRADE_MAJOR);
  g_assert_cmpstr (rectify_nonconformity_get_correction (nc), ==, "Reviews done for Q4");
  g_assert_cmpstr (rectify_nonconformity_get_correction_on (nc), ==, "2026-01-20");
  g_assert_cmpint (rectify_nonconformity_get_status (nc), ==, RECTIFY_STATUS_ANALYSIS);
  g_assert_cmpstr (rectify_nonconformity_get_cap_due_on (nc), ==, "2026-02-11");
  g_assert_cmpstr (rectify_nonconformity_get_due_on (nc), ==, "2026-04-12");
  g_assert_cmpstr (rectify_nonconformity_get_closed_on (nc), ==, "2026-05-01");
  g_assert_cmpstr (rectify_nonconformity_get_created_at (nc), ==, "2026-01-12T09:00:00Z");
  g_assert_cmpstr (rectify_nonconformity_get_updated_at (nc), ==, "2026-01-13T10:30:00Z");

  action = g_object_new (RECTIFY_TYPE_ACTION,
                         "ref", "A-004",
                         "title", "Automate access reviews",
                         "description", "Schedule the review job",
                         "owner", "J. Owner",
                         "target-on", "2026-03-01",
                         "resources", "2 days of work",
                         "success-criterion", "Four reviews in a row on time",
                         "status", RECTIFY_ACTION_STATUS_IN_PROGRESS,
                         "done-on", "2026-02-27",
                         NULL);
  g_assert_cmpstr (rectify_action_get_ref (action), ==, "A-004");
  g_assert_cmpstr (rectify_action_get_title (action), ==, "Automate access reviews");
  g_assert_cmpstr (rectify_action_get_description (action), ==, "Schedule the review job");
  g_assert_cmpstr (rectify_action_get_owner (action), ==, "J. Owner");
  g_assert_cmpstr (rectify_action_get_target_on (action), ==, "2026-03-01");
  g_assert_cmpstr (rectify_action_get_resources (action), ==, "2 days of work");
  g_assert_cmpstr (rectify_action_get_success_criterion (action), ==,
                   "Four reviews in a row on time");
  g_assert_cmpint (rectify_action_get_status (action), ==, RECTIFY_ACTION_STATUS_IN_PROGRESS);
  g_assert_cmpstr (rectify_action_get_done_on (action), ==, "2026-02-27");

  cause = g_object_new (RECTIFY_TYPE_CAUSE,
                        "nc-id", (gint64)12,
                        "parent-id", (gint64)40,
                        "category", "Process",
                        "text", "No owner for the review",
                        "position", 2,
                        "is-root", TRUE,
                        NULL);
  g_assert_cmpint (rectify_cause_get_nc_id (cause), ==, 12);
  g_assert_cmpint (rectify_cause_get_parent_id (cause), ==, 40);
  g_assert_cmpstr (rectify_cause_get_category (cause), ==, "Process");
  g_assert_cmpstr (rectify_cause_get_text (cause), ==, "No owner for the review");
  g_assert_cmpint (rectify_cause_get_position (cause), ==, 2);
  g_assert_true (rectify_cause_get_is_root (cause));

  audit = g_object_new (RECTIFY_TYPE_AUDIT,
                        "title", "Surveillance audit 2026",
                        "kind", RECTIFY_AUDIT_KIND_SURVEILLANCE,
                        "starts-on", "2026-01-10",
                        "ends-on", "2026-01-12",
                        "lead-auditor", "A. Auditor",
                        "certification-body", "Example Cert",
                        "scope", "The whole ISMS",
                        NULL);
  g_assert_cmpstr (rectify_audit_get_title (audit), ==, "Surveillance audit 2026");
  g_assert_cmpint (rectify_audit_get_kind (audit), ==, RECTIFY_AUDIT_KIND_SURVEILLANCE);
  g_assert_cmpstr (rectify_audit_get_starts_on (audit), ==, "2026-01-10");
  g_assert_cmpstr (rectify_audit_get_ends_on (audit), ==, "2026-01-12");
  g_assert_cmpstr (rectify_audit_get_lead_auditor (audit), ==, "A. Auditor");
  g_assert_cmpstr (rectify_audit_get_certification_body (audit), ==, "Example Cert");
  g_assert_cmpstr (rectify_audit_get_scope (audit), ==, "The whole ISMS");

  evidence = g_object_new (RECTIFY_TYPE_EVIDENCE,
                           "nc-id", (gint64)0,
                           "action-id", (gint64)4,
                           "name", "review.pdf",
                           "mime-type", "application/pdf",
                           "size", G_GINT64_CONSTANT (6000000000),
                           "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                           "added-by", "J. Owner",
                           "added-at", "2026-02-27T08:00:00Z",
                           NULL);
  g_assert_cmpint (rectify_evidence_get_nc_id (evidence), ==, 0);
  g_assert_cmpint (rectify_evidence_get_action_id (evidence), ==, 4);
  g_assert_cmpstr (rectify_evidence_get_name (evidence), ==, "review.pdf");
  g_assert_cmpstr (rectify_evidence_get_mime_type (evidence), ==, "application/pdf");
  g_assert_cmpint (rectify_evidence_get_size (evidence), ==, G_GINT64_CONSTANT (6000000000));
  g_assert_cmpstr (rectify_evidence_get_sha256 (evidence), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (rectify_evidence_get_added_by (evidence), ==, "J. Owner");
  g_assert_cmpstr (rectify_evidence_get_added_at (evidence), ==, "2026-02-27T08:00:00Z");

  verification = g_object_new (RECTIFY_TYPE_VERIFICATION,
                               "nc-id", (gint64)12,
                               "due-on", "2026-06-01",
                               "method", RECTIFY_VERIFICATION_METHOD_FOLLOW_UP_AUDIT,
                               "verifier", "Q. Manager",
                               "verified-on", "2026-05-30",
                               "result", RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE,
                               "comment", "Two reviews late",
                               NULL);
  g_assert_cmpint (rectify_verification_get_nc_id (verification), ==, 12);
  g_assert_cmpstr (rectify_verification_get_due_on (verification), ==, "2026-06-01");
  g_assert_cmpint (rectify_verification_get_method (verification), ==,
                   RECTIFY_VERIFICATION_METHOD_FOLLOW_UP_AUDIT);
  g_assert_cmpstr (rectify_verification_get_verifier (verification), ==, "Q. Manager");
  g_assert_cmpstr (rectify_verification_get_verified_on (verification), ==, "2026-05-30");
  g_assert_cmpint (rectify_verification_get_result (verification), ==,
                   RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE);
  g_assert_cmpstr (rectify_verification_get_comment (verification), ==, "Two reviews late");
}

/* One notification per real change, none when the value stays the same. */
static void
test_notify (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autoptr(GObject) object = g_object_new (entities[i].get_type (), NULL);
      g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;

      g_signal_connect (object, "notify", G_CALLBACK (count_notify_cb), counts);
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

      for (guint j = 0; j < n_pspecs; j++)
        {
          const char *name = pspecs[j]->name;
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) same = G_VALUE_INIT;
          g_auto(GValue) current = G_VALUE_INIT;

          /* Setting the default again is not a change. */
          g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspecs[j]));
          g_object_get_property (object, name, &current);
          g_object_set_property (object, name, &current);
          g_assert_cmpuint (notify_count (counts, name), ==, 0);

          make_value (pspecs[j], j, &value);
          g_object_set_property (object, name, &value);
          g_assert_cmpuint (notify_count (counts, name), ==, 1);

          /* An equal value in a fresh GValue (for strings, another copy) is not a change. */
          make_value (pspecs[j], j, &same);
          g_object_set_property (object, name, &same);
          g_assert_cmpuint (notify_count (counts, name), ==, 1);

          /* Going back to the default is a change. */
          g_object_set_property (object, name, &current);
          g_assert_cmpuint (notify_count (counts, name), ==, 2);
        }

      g_assert_cmpuint (total_notify_count (counts), ==, 2 * n_pspecs);
    }
}

static void
test_notify_details (void)
{
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  g_autoptr(RectifyCause) cause = rectify_cause_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cause_counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect (nc, "notify", G_CALLBACK (count_notify_cb), counts);
  g_signal_connect (cause, "notify", G_CALLBACK (count_notify_cb), cause_counts);

  /* Several properties at once: one notification each. */
  g_object_set (nc,
                "title", "Backups untested",
                "status", RECTIFY_STATUS_ANALYSIS,
                "grade", RECTIFY_GRADE_MINOR, /* the default: no change */
                NULL);
  g_assert_cmpuint (notify_count (counts, "title"), ==, 1);
  g_assert_cmpuint (notify_count (counts, "status"), ==, 1);
  g_assert_cmpuint (notify_count (counts, "grade"), ==, 0);

  /* NULL and "" are different values. */
  g_object_set (nc, "area", "", NULL);
  g_assert_cmpuint (notify_count (counts, "area"), ==, 1);
  g_assert_cmpstr (rectify_nonconformity_get_area (nc), ==, "");
  g_object_set (nc, "area", NULL, NULL);
  g_assert_cmpuint (notify_count (counts, "area"), ==, 2);
  g_assert_null (rectify_nonconformity_get_area (nc));
  g_object_set (nc, "area", NULL, NULL);
  g_assert_cmpuint (notify_count (counts, "area"), ==, 2);

  /* The id setter of the base class. */
  rectify_entity_set_id (RECTIFY_ENTITY (nc), 7);
  rectify_entity_set_id (RECTIFY_ENTITY (nc), 7);
  g_assert_cmpuint (notify_count (counts, "id"), ==, 1);
  g_assert_cmpint (rectify_entity_get_id (RECTIFY_ENTITY (nc)), ==, 7);

  g_object_set (cause, "is-root", TRUE, NULL);
  g_object_set (cause, "is-root", TRUE, NULL);
  g_assert_cmpuint (notify_count (cause_counts, "is-root"), ==, 1);
  g_assert_true (rectify_cause_get_is_root (cause) == TRUE);

  g_assert_cmpuint (total_notify_count (counts), ==, 5);
}

static void
test_nc_overdue (void)
{
  g_autoptr(RectifyNonconformity) nc = rectify_nonconformity_new ();
  int days = 12345;

  /* No due date: never overdue, no days left. */
  g_assert_false (rectify_nonconformity_is_overdue (nc, "2026-06-15"));
  g_assert_false (rectify_nonconformity_get_days_left (nc, "2026-06-15", &days));
  g_assert_cmpint (days, ==, 12345);

  g_object_set (nc, "due-on", "2026-06-10", NULL);

  g_assert_true (rectify_nonconformity_is_overdue (nc, "2026-06-15"));
  g_assert_true (rectify_nonconformity_get_days_left (nc, "2026-06-15", &days));
  g_assert_cmpint (days, ==, -5);

  /* Due today is not overdue yet. */
  g_assert_false (rectify_nonconformity_is_overdue (nc, "2026-06-10"));
  g_assert_true (rectify_nonconformity_get_days_left (nc, "2026-06-10", &days));
  g_assert_cmpint (days, ==, 0);

  g_assert_true (rectify_nonconformity_is_overdue (nc, "2026-06-11"));
  g_assert_false (rectify_nonconformity_is_overdue (nc, "2026-06-09"));
  g_assert_true (rectify_nonconformity_get_days_left (nc, "2026-02-28", &days));
  g_assert_cmpint (days, ==, 102);
  g_assert_true (rectify_nonconformity_get_days_left (nc, "2026-06-15", NULL));

  /* Every open status can be overdue; a closed NC never is. */
  for (int s = RECTIFY_STATUS_REPORTED; s < RECTIFY_N_STATUSES; s++)
    {
      g_object_set (nc, "status", s, NULL);
      g_assert_cmpint (rectify_nonconformity_is_overdue (nc, "2027-01-01"), ==,
                       s != RECTIFY_STATUS_CLOSED);
    }
  /* Days left are still known for a closed NC. */
  g_assert_true (rectify_nonconformity_get_days_left (nc, "2026-06-15", &days));
  g_assert_cmpint (days, ==, -5);

  g_object_set (nc, "status", RECTIFY_STATUS_VERIFICATION, NULL);

  /* A bad "today" or a bad due date gives no answer. */
  g_assert_false (rectify_nonconformity_is_overdue (nc, "15/06/2026"));
  g_assert_false (rectify_nonconformity_get_days_left (nc, "not a date", &days));
  g_object_set (nc, "due-on", "2026-02-30", NULL);
  g_assert_false (rectify_nonconformity_is_overdue (nc, "2026-06-15"));
  g_assert_false (rectify_nonconformity_get_days_left (nc, "2026-06-15", &days));

  /* NULL means today, which RECTIFY_TODAY fixes. */
  g_object_set (nc, "due-on", "2026-06-10", NULL);
  g_setenv ("RECTIFY_TODAY", "2026-06-15", TRUE);
  g_assert_true (rectify_nonconformity_is_overdue (nc, NULL));
  g_assert_true (rectify_nonconformity_get_days_left (nc, NULL, &days));
  g_assert_cmpint (days, ==, -5);
  g_setenv ("RECTIFY_TODAY", "2026-06-01", TRUE);
  g_assert_false (rectify_nonconformity_is_overdue (nc, NULL));
  g_assert_true (rectify_nonconformity_get_days_left (nc, NULL, &days));
  g_assert_cmpint (days, ==, 9);
}

static void
test_action_overdue (void)
{
  g_autoptr(RectifyAction) action = rectify_action_new ();

  g_assert_false (rectify_action_is_overdue (action, "2026-06-15"));

  g_object_set (action, "target-on", "2026-06-14", NULL);
  g_assert_true (rectify_action_is_overdue (action, "2026-06-15"));
  g_assert_false (rectify_action_is_overdue (action, "2026-06-14"));
  g_assert_false (rectify_action_is_overdue (action, "2026-01-01"));

  g_object_set (action, "status", RECTIFY_ACTION_STATUS_IN_PROGRESS, NULL);
  g_assert_true (rectify_action_is_overdue (action, "2026-06-15"));

  g_object_set (action, "status", RECTIFY_ACTION_STATUS_DONE, NULL);
  g_assert_false (rectify_action_is_overdue (action, "2026-06-15"));

  g_object_set (action, "status", RECTIFY_ACTION_STATUS_CANCELLED, NULL);
  g_assert_false (rectify_action_is_overdue (action, "2026-06-15"));

  g_object_set (action, "status", RECTIFY_ACTION_STATUS_PLANNED, NULL);
  g_assert_false (rectify_action_is_overdue (action, "garbage"));

  /* Across a year boundary. */
  g_object_set (action, "target-on", "2025-12-31", NULL);
  g_assert_true (rectify_action_is_overdue (action, "2026-01-01"));

  g_setenv ("RECTIFY_TODAY", "2025-12-30", TRUE);
  g_assert_false (rectify_action_is_overdue (action, NULL));
  g_setenv ("RECTIFY_TODAY", "2026-01-01", TRUE);
  g_assert_true (rectify_action_is_overdue (action, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Rectify/Models/property-names", test_property_names);
  g_test_add_func ("/Rectify/Models/table-names", test_table_names);
  g_test_add_func ("/Rectify/Models/defaults", test_defaults);
  g_test_add_func ("/Rectify/Models/roundtrip", test_roundtrip);
  g_test_add_func ("/Rectify/Models/getters", test_getters);
  g_test_add_func ("/Rectify/Models/notify", test_notify);
  g_test_add_func ("/Rectify/Models/notify-details", test_notify_details);
  g_test_add_func ("/Rectify/Models/nc-overdue", test_nc_overdue);
  g_test_add_func ("/Rectify/Models/action-overdue", test_action_overdue);

  return g_test_run ();
}
