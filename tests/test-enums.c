/* test-enums.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rectify-enums.h"

typedef struct
{
  GType (*get_type) (void);
  guint   n_values;
} EnumInfo;

static const EnumInfo enums[] = {
  { rectify_status_get_type, RECTIFY_N_STATUSES },
  { rectify_grade_get_type, RECTIFY_N_GRADES },
  { rectify_source_get_type, RECTIFY_N_SOURCES },
  { rectify_action_status_get_type, RECTIFY_N_ACTION_STATUSES },
  { rectify_audit_kind_get_type, RECTIFY_N_AUDIT_KINDS },
  { rectify_verification_method_get_type, RECTIFY_VERIFICATION_METHOD_ON_SITE + 1 },
  { rectify_verification_result_get_type, RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE + 1 },
};

/* Every value has a nick that parses back to it, and a label. */
static void
test_all_values (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      GType type = enums[i].get_type ();
      GEnumClass *klass;

      g_assert_true (G_TYPE_IS_ENUM (type));
      klass = g_type_class_ref (type);
      g_assert_cmpuint (klass->n_values, ==, enums[i].n_values);
      g_assert_cmpint (klass->minimum, ==, 0);
      g_assert_cmpint (klass->maximum, ==, (int)enums[i].n_values - 1);

      for (int v = 0; v < (int)enums[i].n_values; v++)
        {
          const char *nick = rectify_enum_to_nick (type, v);
          const char *label = rectify_enum_to_label (type, v);
          int parsed = -1;

          g_assert_nonnull (nick);
          g_assert_cmpstr (nick, ==, g_enum_get_value (klass, v)->value_nick);
          g_assert_true (g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", nick, 0, 0));
          g_assert_true (rectify_enum_from_nick (type, nick, &parsed));
          g_assert_cmpint (parsed, ==, v);

          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          g_assert_true (g_utf8_validate (label, -1, NULL));
        }

      /* Out of range. */
      g_assert_null (rectify_enum_to_nick (type, -1));
      g_assert_null (rectify_enum_to_nick (type, (int)enums[i].n_values));
      g_assert_null (rectify_enum_to_label (type, -1));
      g_assert_null (rectify_enum_to_label (type, (int)enums[i].n_values));

      g_type_class_unref (klass);
    }
}

/* The words of the command line contract (design.md). */
static void
test_cli_words (void)
{
  static const struct {
    const char *word;
    int         value;
  } statuses[] = {
    { "reported", RECTIFY_STATUS_REPORTED },
    { "analysis", RECTIFY_STATUS_ANALYSIS },
    { "action-planned", RECTIFY_STATUS_ACTION_PLANNED },
    { "awaiting-approval", RECTIFY_STATUS_AWAITING_APPROVAL },
    { "implementation", RECTIFY_STATUS_IMPLEMENTATION },
    { "verification", RECTIFY_STATUS_VERIFICATION },
    { "closed", RECTIFY_STATUS_CLOSED },
  }, grades[] = {
    { "major", RECTIFY_GRADE_MAJOR },
    { "minor", RECTIFY_GRADE_MINOR },
    { "observation", RECTIFY_GRADE_OBSERVATION },
    { "ofi", RECTIFY_GRADE_OFI },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == RECTIFY_N_STATUSES);
  G_STATIC_ASSERT (G_N_ELEMENTS (grades) == RECTIFY_N_GRADES);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      int value = -1;

      g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_STATUS, statuses[i].value), ==,
                       statuses[i].word);
      g_assert_true (rectify_enum_from_nick (RECTIFY_TYPE_STATUS, statuses[i].word, &value));
      g_assert_cmpint (value, ==, statuses[i].value);
      /* A status word is not a grade. */
      g_assert_false (rectify_enum_from_nick (RECTIFY_TYPE_GRADE, statuses[i].word, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      int value = -1;

      g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_GRADE, grades[i].value), ==,
                       grades[i].word);
      g_assert_true (rectify_enum_from_nick (RECTIFY_TYPE_GRADE, grades[i].word, &value));
      g_assert_cmpint (value, ==, grades[i].value);
      g_assert_false (rectify_enum_from_nick (RECTIFY_TYPE_STATUS, grades[i].word, NULL));
    }

  /* The other nicks the register stores. */
  g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_SOURCE, RECTIFY_SOURCE_MANAGEMENT_REVIEW), ==,
                   "management-review");
  g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_ACTION_STATUS,
                                         RECTIFY_ACTION_STATUS_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_AUDIT_KIND, RECTIFY_AUDIT_KIND_STAGE1), ==,
                   "stage-1");
  g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_VERIFICATION_METHOD,
                                         RECTIFY_VERIFICATION_METHOD_FOLLOW_UP_AUDIT), ==,
                   "follow-up-audit");
  g_assert_cmpstr (rectify_enum_to_nick (RECTIFY_TYPE_VERIFICATION_RESULT,
                                         RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE), ==,
                   "not-effective");
}

static void
test_tolerant_parsing (void)
{
  static const struct {
    GType     (*get_type) (void);
    const char *text;
    int         value;
  } good[] = {
    { rectify_status_get_type, "ACTION-PLANNED", RECTIFY_STATUS_ACTION_PLANNED },
    { rectify_status_get_type, "action_planned", RECTIFY_STATUS_ACTION_PLANNED },
    { rectify_status_get_type, "Action planned", RECTIFY_STATUS_ACTION_PLANNED },
    { rectify_status_get_type, "AWAITING_APPROVAL", RECTIFY_STATUS_AWAITING_APPROVAL },
    { rectify_status_get_type, "Awaiting Approval", RECTIFY_STATUS_AWAITING_APPROVAL },
    { rectify_status_get_type, "  closed  ", RECTIFY_STATUS_CLOSED },
    { rectify_status_get_type, "Reported", RECTIFY_STATUS_REPORTED },
    { rectify_grade_get_type, "MAJOR", RECTIFY_GRADE_MAJOR },
    { rectify_grade_get_type, "OFI", RECTIFY_GRADE_OFI },
    { rectify_grade_get_type, "Observation", RECTIFY_GRADE_OBSERVATION },
    { rectify_source_get_type, "Internal audit", RECTIFY_SOURCE_INTERNAL_AUDIT },
    { rectify_source_get_type, "EXTERNAL_AUDIT", RECTIFY_SOURCE_EXTERNAL_AUDIT },
    { rectify_action_status_get_type, "In Progress", RECTIFY_ACTION_STATUS_IN_PROGRESS },
    { rectify_audit_kind_get_type, "stage_2", RECTIFY_AUDIT_KIND_STAGE2 },
    { rectify_verification_method_get_type, "On site", RECTIFY_VERIFICATION_METHOD_ON_SITE },
    { rectify_verification_result_get_type, "Not_Effective",
      RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE },
  };
  static const struct {
    GType     (*get_type) (void);
    const char *text;
  } bad[] = {
    { rectify_status_get_type, "" },
    { rectify_status_get_type, "   " },
    { rectify_status_get_type, "open" },
    { rectify_status_get_type, "action planned!" },
    { rectify_status_get_type, "actionplanned" },
    { rectify_status_get_type, "2" },
    { rectify_status_get_type, "RECTIFY_STATUS_CLOSED" },
    { rectify_grade_get_type, "critical" },
    { rectify_grade_get_type, "maj" },
    { rectify_audit_kind_get_type, "stage1" },
    { rectify_verification_result_get_type, "noteffective" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      int value = -1;

      if (!rectify_enum_from_nick (good[i].get_type (), good[i].text, &value))
        g_error ("\"%s\" was not read as a %s", good[i].text, g_type_name (good[i].get_type ()));
      g_assert_cmpint (value, ==, good[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int value = 12345;

      if (rectify_enum_from_nick (bad[i].get_type (), bad[i].text, &value))
        g_error ("\"%s\" was read as a %s", bad[i].text, g_type_name (bad[i].get_type ()));
      g_assert_cmpint (value, ==, 12345);
    }

  g_assert_false (rectify_enum_from_nick (RECTIFY_TYPE_STATUS, NULL, NULL));
}

static void
test_labels (void)
{
  /* Untranslated labels (the test runs in the C locale). */
  g_assert_cmpstr (rectify_enum_to_label (RECTIFY_TYPE_STATUS, RECTIFY_STATUS_ACTION_PLANNED), ==,
                   "Action planned");
  g_assert_cmpstr (rectify_enum_to_label (RECTIFY_TYPE_STATUS, RECTIFY_STATUS_CLOSED), ==,
                   "Closed");
  g_assert_cmpstr (rectify_enum_to_label (RECTIFY_TYPE_GRADE, RECTIFY_GRADE_MAJOR), ==, "Major");
  g_assert_cmpstr (rectify_enum_to_label (RECTIFY_TYPE_GRADE, RECTIFY_GRADE_OFI), ==, "OFI");
  g_assert_cmpstr (rectify_enum_to_label (RECTIFY_TYPE_SOURCE, RECTIFY_SOURCE_INTERNAL_AUDIT), ==,
                   "Internal audit");
  g_assert_cmpstr (rectify_enum_to_label (RECTIFY_TYPE_VERIFICATION_RESULT,
                                          RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE), ==,
                   "Not effective");

  /* Within one type, no two values share a label. */
  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      GType type = enums[i].get_type ();

      for (int v = 0; v < (int)enums[i].n_values; v++)
        g_assert_true (g_hash_table_add (seen, (gpointer)rectify_enum_to_label (type, v)));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Rectify/Enums/all-values", test_all_values);
  g_test_add_func ("/Rectify/Enums/cli-words", test_cli_words);
  g_test_add_func ("/Rectify/Enums/tolerant-parsing", test_tolerant_parsing);
  g_test_add_func ("/Rectify/Enums/labels", test_labels);

  return g_test_run ();
}
