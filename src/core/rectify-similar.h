/* rectify-similar.h
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rectify-register.h"

G_BEGIN_DECLS

/* Similar nonconformities (clause 10.2 b: "determining if similar nonconformities exist").
 *
 * Candidates are the other NCs of the register that share the requirement of @nc, and those
 * whose text matches the significant words of @nc. The words are taken from its title, statement
 * and evidence: split on anything that is not a letter or digit, lower-cased, words of fewer than
 * 3 characters, words without a letter and common English stop words dropped, at most
 * RECTIFY_SIMILAR_MAX_TERMS distinct words. Each word is quoted as an FTS5 string and the words
 * are OR-ed, limited to the title, statement, evidence and correction columns of nc_fts, and
 * ranked by bm25 (title weighted 2, statement and evidence 1, correction 0.5).
 *
 * Score of a candidate (higher is more similar):
 *   text      bm25 relevance relative to the relevance of @nc's own text for the same words
 *             (the most similar a text can be), in (0, 1] (0 without a match); text matches
 *             below RECTIFY_SIMILAR_MIN_TEXT are not "similar text" (one common word shared
 *             with a long text is not enough)
 *   + RECTIFY_SIMILAR_REQUIREMENT_BONUS when the requirement is the same (catalogue refs are
 *             compared, so "A 8.8" and "A.8.8" are the same)
 *   + RECTIFY_SIMILAR_AREA_BONUS when the area is the same (case-insensitive), only added to a
 *             candidate that is already similar by requirement or text
 * Ties are broken by the earlier reported-on date, then the id. @nc itself is never returned.
 */

#define RECTIFY_SIMILAR_MAX_TERMS          32
#define RECTIFY_SIMILAR_MIN_TEXT           0.2
#define RECTIFY_SIMILAR_REQUIREMENT_BONUS  1.0
#define RECTIFY_SIMILAR_AREA_BONUS         0.25

typedef enum
{
  RECTIFY_SIMILAR_NONE             = 0,
  RECTIFY_SIMILAR_SAME_REQUIREMENT = 1 << 0,
  RECTIFY_SIMILAR_SIMILAR_TEXT     = 1 << 1,
  RECTIFY_SIMILAR_SAME_AREA        = 1 << 2,
} RectifySimilarFlags;

typedef struct
{
  gint64               nc_id;
  double               score;
  RectifySimilarFlags  flags;
  char                *reason;  /* "Same requirement A.8.8; Similar text" (translated) */
} RectifySimilarMatch;

void       rectify_similar_match_free (RectifySimilarMatch   *match);

/* The NCs most similar to @nc (a stored NC), best first, at most @max_results.
 * (transfer full) (element-type RectifySimilarMatch) */
GPtrArray *rectify_similar_find       (RectifyRegister       *reg,
                                       RectifyNonconformity  *nc,
                                       guint                  max_results,
                                       GError               **error);

/* The FTS5 query used for @text: significant words, quoted and OR-ed; NULL when there is none.
 * Exposed for tests. (transfer full) */
char      *rectify_similar_build_query (const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RectifySimilarMatch, rectify_similar_match_free)

G_END_DECLS
