/* rectify-catalogue.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The clauses (4-10) and Annex A controls of ISO/IEC 27001:2022, compiled into the core's
 * resources from data/iso27001-2022-catalogue.tsv. Titles and themes are shown in the language
 * of the process, as gettext finds it when the catalogue is first used: call setlocale () and
 * bindtextdomain () before. Lookup and search also take the English titles. */

typedef enum
{
  RECTIFY_CATALOGUE_CLAUSE,
  RECTIFY_CATALOGUE_CONTROL,
} RectifyCatalogueKind;

#define RECTIFY_TYPE_CATALOGUE_ENTRY (rectify_catalogue_entry_get_type ())

G_DECLARE_FINAL_TYPE (RectifyCatalogueEntry, rectify_catalogue_entry, RECTIFY, CATALOGUE_ENTRY, GObject)

/* Read-only properties: "kind" (int), "ref" ("A.5.15" or "9.2"), "title", "theme"
 * ("Organizational", ... for controls; the clause heading for clauses), "label" ("A.5.15 Access
 * control"); title, theme and label translated ("A.5.15 Zugangssteuerung" in German). */
RectifyCatalogueKind  rectify_catalogue_entry_get_kind  (RectifyCatalogueEntry *self);
const char           *rectify_catalogue_entry_get_ref   (RectifyCatalogueEntry *self);
const char           *rectify_catalogue_entry_get_title (RectifyCatalogueEntry *self);
const char           *rectify_catalogue_entry_get_theme (RectifyCatalogueEntry *self);
const char           *rectify_catalogue_entry_get_label (RectifyCatalogueEntry *self);

/* All entries in standard order, clauses first (transfer none); loaded once. */
GListModel            *rectify_catalogue_get_default    (void);
/* Finds an entry by any common way of writing it: "A.5.15", "a5.15", "Annex A 5.15",
 * "A 5.15", "5.15" (a control when no such clause exists), "Clause 9.2", "9.2", "§9.2", each
 * perhaps followed by the title, translated or in English ("A.5.15 Access control").
 * (transfer none) (nullable) */
RectifyCatalogueEntry *rectify_catalogue_lookup         (const char *text);
/* Entries whose ref starts with @text (normalised as above) or whose title, translated or in
 * English, contains every word of @text (case-insensitive), best first, at most @max_results
 * (0: no limit).
 * (transfer full) (element-type RectifyCatalogueEntry) */
GPtrArray             *rectify_catalogue_search         (const char *text,
                                                         guint       max_results);

/* The groups by which the figures count requirements ("open by Annex A theme") and the register
 * filters them: an Annex A control goes to its theme by the first number of the control (A.5
 * organizational, A.6 people, A.7 physical, A.8 technological); every clause 4-10 goes to one
 * group, CLAUSES (the clause headings show in the breakdown by requirement, and one group keeps
 * the Annex A themes comparable); OTHER is a requirement the catalogue does not know (see
 * rectify_catalogue_lookup ()), NONE an empty one. */
typedef enum
{
  RECTIFY_CATALOGUE_THEME_ORGANIZATIONAL,
  RECTIFY_CATALOGUE_THEME_PEOPLE,
  RECTIFY_CATALOGUE_THEME_PHYSICAL,
  RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL,
  RECTIFY_CATALOGUE_THEME_CLAUSES,
  RECTIFY_CATALOGUE_THEME_OTHER,
  RECTIFY_CATALOGUE_THEME_NONE,
} RectifyCatalogueTheme;

#define RECTIFY_CATALOGUE_N_THEMES (RECTIFY_CATALOGUE_THEME_NONE + 1)

/* The group of @requirement, an NC's requirement as written (surrounding white space ignored);
 * @entry (optional) receives its catalogue entry, or NULL for OTHER and NONE (transfer none).
 * Safe to call from any thread. */
RectifyCatalogueTheme  rectify_catalogue_classify       (const char             *requirement,
                                                         RectifyCatalogueEntry **entry);
/* A stable key: "organizational", "people", "physical", "technological", "clauses", "other",
 * "none" (the keys of rectify_stats_get_open_by_theme ()). */
const char            *rectify_catalogue_theme_get_key  (RectifyCatalogueTheme  theme);
/* For people, translated: the catalogue's theme ("Organizational"), "Clauses 4-10", "Not in the
 * catalogue", "No requirement". */
const char            *rectify_catalogue_theme_get_label (RectifyCatalogueTheme theme);
/* The group of a key of rectify_catalogue_theme_get_key (); FALSE for any other text. */
gboolean               rectify_catalogue_theme_from_key (const char             *key,
                                                         RectifyCatalogueTheme  *theme);

G_END_DECLS
