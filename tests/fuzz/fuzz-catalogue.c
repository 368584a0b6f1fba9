/* fuzz-catalogue.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: rectify_catalogue_lookup() and rectify_catalogue_search() on arbitrary text, valid
 * UTF-8 or not (the text comes from imported files and from what people type or paste; the API
 * does not ask for valid UTF-8, so the target does not validate). The first byte picks the
 * search limit; the rest, cut at the first NUL, is the text. Checks: a looked-up entry has a
 * ref that looks itself up again, a search never returns more than asked for nor the same entry
 * twice, and the entry a lookup finds is among the search results for its own ref.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-common.h"
#include "rectify-catalogue.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  /* Load the catalogue once, outside of the measured inputs. */
  g_assert (g_list_model_get_n_items (rectify_catalogue_get_default ()) > 0);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint max_results = 0;
  RectifyCatalogueEntry *entry;

  if (size > 0)
    {
      max_results = data[0] % 8;  /* 0 (no limit) to 7 */
      data++;
      size--;
    }
  text = g_strndup ((const char *)data, size);

  entry = rectify_catalogue_lookup (text);
  if (entry != NULL)
    {
      const char *ref = rectify_catalogue_entry_get_ref (entry);

      g_assert (RECTIFY_IS_CATALOGUE_ENTRY (entry));
      g_assert (ref != NULL && g_utf8_validate (ref, -1, NULL));
      g_assert (rectify_catalogue_entry_get_title (entry) != NULL);
      g_assert (rectify_catalogue_entry_get_label (entry) != NULL);
      g_assert (rectify_catalogue_lookup (ref) == entry);
      g_assert (rectify_catalogue_lookup (rectify_catalogue_entry_get_label (entry)) == entry);
    }

  results = rectify_catalogue_search (text, max_results);
  g_assert (results != NULL);
  if (max_results > 0)
    g_assert_cmpuint (results->len, <=, max_results);
  for (guint i = 0; i < results->len; i++)
    {
      g_assert (RECTIFY_IS_CATALOGUE_ENTRY (g_ptr_array_index (results, i)));
      for (guint j = i + 1; j < results->len; j++)
        g_assert (g_ptr_array_index (results, i) != g_ptr_array_index (results, j));
    }

  if (entry != NULL)
    {
      g_autoptr(GPtrArray) own = rectify_catalogue_search (rectify_catalogue_entry_get_ref (entry), 0);

      g_assert (g_ptr_array_find (own, entry, NULL));
    }

  return 0;
}
