/* rectify-similar.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-similar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "rectify-catalogue.h"
#include "rectify-register-private.h"
#include "rectify-similar.h"

/* How many text matches bm25 hands over before the bonuses are added. */
#define TEXT_CANDIDATES 200

/* Common English words that say nothing about a finding. */
static const char * const stop_words[] = {
  "about", "above", "after", "again", "against", "all", "also", "and", "any", "are", "because",
  "been", "before", "being", "below", "between", "both", "but", "can", "could", "did", "does",
  "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
  "having", "her", "here", "hers", "him", "his", "how", "into", "its", "itself", "just", "may",
  "more", "most", "must", "not", "now", "off", "once", "only", "other", "our", "ours", "out",
  "over", "own", "same", "shall", "she", "should", "some", "such", "than", "that", "the",
  "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
  "too", "under", "until", "very", "was", "were", "what", "when", "where", "which", "while",
  "who", "whom", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
};

typedef struct
{
  gint64               id;
  double               text;    /* relevance, higher is better */
  double               score;
  RectifySimilarFlags  flags;
  const char          *reported_on;
} Candidate;

static gboolean
is_stop_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_str_equal (word, stop_words[i]))
      return TRUE;

  return FALSE;
}

/* Appends the significant words of @text to @words (no duplicates, at most the maximum). */
static void
collect_words (const char *text,
               GPtrArray  *words,
               GHashTable *seen)
{
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          g_autofree char *lower = g_utf8_strdown (word->str, -1);
          gboolean has_letter = FALSE;

          for (const char *q = lower; *q != '\0'; q = g_utf8_next_char (q))
            if (g_unichar_isalpha (g_utf8_get_char (q)))
              {
                has_letter = TRUE;
                break;
              }

          if (has_letter && g_utf8_strlen (lower, -1) >= 3 && !is_stop_word (lower) &&
              !g_hash_table_contains (seen, lower) && words->len < RECTIFY_SIMILAR_MAX_TERMS)
            {
              g_hash_table_add (seen, g_strdup (lower));
              g_ptr_array_add (words, g_steal_pointer (&lower));
            }
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }
}

static char *
query_from_words (GPtrArray *words)
{
  g_autoptr(GString) query = NULL;

  if (words->len == 0)
    return NULL;

  query = g_string_new ("{title statement evidence correction} : (");
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      if (i > 0)
        g_string_append (query, " OR ");
      g_string_append_c (query, '"');
      for (const char *p = word; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
    }
  g_string_append_c (query, ')');

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* The requirement as a comparable key: the catalogue ref when known, else the text trimmed and
 * folded; NULL for none. */
static char *
requirement_key (RectifyNonconformity *nc)
{
  const char *text = rectify_nonconformity_get_requirement (nc);
  g_autofree char *stripped = NULL;
  RectifyCatalogueEntry *entry;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return NULL;
  if ((entry = rectify_catalogue_lookup (stripped)) != NULL)
    return g_strdup (rectify_catalogue_entry_get_ref (entry));

  return g_utf8_casefold (stripped, -1);
}

static char *
area_key (RectifyNonconformity *nc)
{
  const char *text = rectify_nonconformity_get_area (nc);
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return NULL;

  return g_utf8_casefold (stripped, -1);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = *(const Candidate * const *)a;
  const Candidate *cb = *(const Candidate * const *)b;
  int c;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;

  /* Earlier findings first; one without a date last. */
  if (ca->reported_on == NULL || cb->reported_on == NULL)
    c = (ca->reported_on == NULL) - (cb->reported_on == NULL);
  else
    c = strcmp (ca->reported_on, cb->reported_on);
  if (c != 0)
    return c;

  return (ca->id > cb->id) - (ca->id < cb->id);
}

static Candidate *
get_candidate (GHashTable *candidates,
               gint64      id)
{
  Candidate *candidate = g_hash_table_lookup (candidates, &id);

  if (candidate == NULL)
    {
      candidate = g_new0 (Candidate, 1);
      candidate->id = id;
      g_hash_table_insert (candidates, &candidate->id, candidate);
    }

  return candidate;
}

/* Public API */

void
rectify_similar_match_free (RectifySimilarMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->reason);
  g_free (match);
}

char *
rectify_similar_build_query (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_words (text, words, seen);

  return query_from_words (words);
}

GPtrArray *
rectify_similar_find (RectifyRegister       *reg,
                      RectifyNonconformity  *nc,
                      guint                  max_results,
                      GError               **error)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                            g_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                rectify_similar_match_free);
  g_autofree char *query = NULL;
  g_autofree char *req = NULL;
  g_autofree char *area = NULL;
  const char *req_label = NULL;
  gint64 self_id;
  double best_text = 0.0;
  double self_text = 0.0;
  GListModel *model;
  GHashTableIter iter;
  Candidate *candidate;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self_id = rectify_entity_get_id (RECTIFY_ENTITY (nc));
  req = requirement_key (nc);
  area = area_key (nc);
  req_label = rectify_nonconformity_get_requirement (nc);
  if (req != NULL && rectify_catalogue_lookup (req) != NULL)
    req_label = req;

  /* Text: bm25 over the significant words. */
  collect_words (rectify_nonconformity_get_title (nc), words, seen);
  collect_words (rectify_nonconformity_get_statement (nc), words, seen);
  collect_words (rectify_nonconformity_get_evidence (nc), words, seen);
  query = query_from_words (words);

  if (query != NULL)
    {
      sqlite3 *db = _rectify_register_get_db (reg);
      sqlite3_stmt *stmt = NULL;
      int rc;

      /* Columns: ref, title, statement, evidence, area, requirement, correction, owner */
      rc = sqlite3_prepare_v2 (db,
                               "SELECT rowid, bm25 (nc_fts, 0, 2.0, 1.0, 1.0, 0, 0, 0.5, 0)"
                               " AS score FROM nc_fts WHERE nc_fts MATCH ?1"
                               " ORDER BY score, rowid LIMIT ?2",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 2, TEXT_CANDIDATES + 1);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              /* bm25 () is negative, more negative is better */
              double text = -sqlite3_column_double (stmt, 1);

              gint64 id = sqlite3_column_int64 (stmt, 0);

              if (text <= 0.0)
                continue;
              best_text = MAX (best_text, text);
              if (id == self_id)
                {
                  self_text = text;
                  continue;
                }
              candidate = get_candidate (candidates, id);
              candidate->text = text;
            }
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        {
          g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_FAILED,
                       /* Translators: %s is an SQLite error message */
                       _("Could not look for similar nonconformities: %s"),
                       sqlite3_errmsg (db));
          return NULL;
        }
    }

  /* Text relevance relative to the NC's own match with its words (the most similar a text can
   * be), or to the best match when the NC's own text did not match (its text is not indexed the
   * same way); weak matches are not similar. */
  if (self_text > 0.0)
    best_text = self_text;
  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&candidate))
    {
      candidate->text = best_text > 0.0 ? MIN (candidate->text / best_text, 1.0) : 0.0;
      if (candidate->text >= RECTIFY_SIMILAR_MIN_TEXT)
        {
          candidate->flags |= RECTIFY_SIMILAR_SIMILAR_TEXT;
          candidate->score = candidate->text;
        }
    }

  /* Requirement and area, from the live model. */
  model = rectify_register_get_nonconformities (reg);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RectifyNonconformity) other = g_list_model_get_item (model, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (other));
      g_autofree char *other_req = NULL;
      g_autofree char *other_area = NULL;

      if (id == self_id)
        continue;

      candidate = g_hash_table_lookup (candidates, &id);
      other_req = req != NULL ? requirement_key (other) : NULL;
      if (req != NULL && g_strcmp0 (req, other_req) == 0)
        {
          candidate = get_candidate (candidates, id);
          candidate->flags |= RECTIFY_SIMILAR_SAME_REQUIREMENT;
          candidate->score += RECTIFY_SIMILAR_REQUIREMENT_BONUS;
        }

      if (candidate == NULL || candidate->flags == RECTIFY_SIMILAR_NONE)
        continue;

      candidate->reported_on = rectify_nonconformity_get_reported_on (other);
      other_area = area != NULL ? area_key (other) : NULL;
      if (area != NULL && g_strcmp0 (area, other_area) == 0)
        {
          candidate->flags |= RECTIFY_SIMILAR_SAME_AREA;
          candidate->score += RECTIFY_SIMILAR_AREA_BONUS;
        }
    }

  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&candidate))
    if (candidate->flags != RECTIFY_SIMILAR_NONE && candidate->id != self_id)
      g_ptr_array_add (sorted, candidate);
  g_ptr_array_sort (sorted, compare_candidates);

  for (guint i = 0; i < sorted->len && i < max_results; i++)
    {
      RectifySimilarMatch *match = g_new0 (RectifySimilarMatch, 1);
      g_autoptr(GString) reason = g_string_new (NULL);

      candidate = g_ptr_array_index (sorted, i);
      match->nc_id = candidate->id;
      match->score = candidate->score;
      match->flags = candidate->flags;

      if (candidate->flags & RECTIFY_SIMILAR_SAME_REQUIREMENT)
        /* Translators: %s is a requirement ("A.8.8", "9.2") */
        g_string_append_printf (reason, _("Same requirement %s"), req_label);
      if (candidate->flags & RECTIFY_SIMILAR_SIMILAR_TEXT)
        {
          if (reason->len > 0)
            /* Translators: separates the reasons why two nonconformities are similar */
            g_string_append (reason, _("; "));
          g_string_append (reason, _("Similar text"));
        }
      if (candidate->flags & RECTIFY_SIMILAR_SAME_AREA)
        {
          if (reason->len > 0)
            g_string_append (reason, _("; "));
          /* Translators: %s is a process, department or area */
          g_string_append_printf (reason, _("Same area %s"), rectify_nonconformity_get_area (nc));
        }

      match->reason = g_string_free (g_steal_pointer (&reason), FALSE);
      g_ptr_array_add (result, match);
    }

  return g_steal_pointer (&result);
}
