/* fuzz-replay.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A main() for the fuzz targets when they are not built with libFuzzer (the default gcc build):
 * feeds every file of the corpus folders given on the command line to LLVMFuzzerTestOneInput(),
 * then a fixed number of deterministic pseudo-random mutations of them (bit flips, byte
 * changes, truncations, insertions, deletions, duplicated and spliced chunks), with a fixed seed
 * so a failure reproduces run after run. A plain file argument is run alone (to replay a crash).
 *
 *   fuzz-import [--mutations N] [--seed S] [--max-len BYTES] CORPUS-DIR-OR-FILE...
 *
 * The mutation that is about to run is written to $RECTIFY_FUZZ_LAST (when set) first, so a
 * crash leaves its reproducer behind.
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint64 rng_state;

static guint64
rng_next (void)
{
  /* xorshift64* */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * G_GUINT64_CONSTANT (2685821657736338717);
}

static gsize
rng_below (gsize n)
{
  return n == 0 ? 0 : (gsize)(rng_next () % n);
}

static const guint8 interesting[] = {
  0x00, 0x01, 0x7f, 0x80, 0xff, '"', ',', ';', '\t', '\n', '\r', '.', '0', '9', 'A', ' ',
  0xc3, 0xa7, 0xe2, 0xef, 0xbb, 0xbf,
};

/* @bytes must not point into @buf. */
static void
insert_bytes (GByteArray   *buf,
              gssize        at,
              const guint8 *bytes,
              gsize         n)
{
  guint old_len = buf->len;

  g_byte_array_set_size (buf, old_len + (guint)n);
  memmove (buf->data + at + n, buf->data + at, old_len - (gsize)at);
  memcpy (buf->data + at, bytes, n);
}

static void
mutate (GByteArray *buf,
        GPtrArray  *corpus,
        gsize       max_len)
{
  guint n_steps = 1 + rng_below (4);

  for (guint step = 0; step < n_steps; step++)
    {
      switch (rng_below (8))
        {
        case 0: /* flip a bit */
          if (buf->len > 0)
            buf->data[rng_below (buf->len)] ^= (guint8)(1u << rng_below (8));
          break;

        case 1: /* set a byte to an interesting value */
          if (buf->len > 0)
            buf->data[rng_below (buf->len)] = interesting[rng_below (G_N_ELEMENTS (interesting))];
          break;

        case 2: /* truncate */
          if (buf->len > 0)
            g_byte_array_set_size (buf, rng_below (buf->len));
          break;

        case 3: /* insert random bytes */
          {
            guint8 bytes[16];
            gsize n = 1 + rng_below (sizeof bytes);

            for (gsize i = 0; i < n; i++)
              bytes[i] = rng_below (2) ? (guint8)rng_next () : interesting[rng_below (G_N_ELEMENTS (interesting))];
            insert_bytes (buf, (gssize)rng_below (buf->len + 1), bytes, n);
          }
          break;

        case 4: /* delete a chunk */
          if (buf->len > 0)
            {
              gsize at = rng_below (buf->len);
              gsize n = 1 + rng_below (MIN (buf->len - at, 64));

              g_byte_array_remove_range (buf, at, n);
            }
          break;

        case 5: /* duplicate a chunk */
          if (buf->len > 0)
            {
              gsize at = rng_below (buf->len);
              gsize n = 1 + rng_below (MIN (buf->len - at, 64));
              g_autofree guint8 *chunk = g_memdup2 (buf->data + at, n);

              insert_bytes (buf, (gssize)rng_below (buf->len + 1), chunk, n);
            }
          break;

        case 6: /* splice in a chunk of another corpus file */
          {
            GBytes *other = g_ptr_array_index (corpus, rng_below (corpus->len));
            gsize other_len;
            const guint8 *other_data = g_bytes_get_data (other, &other_len);

            if (other_len > 0)
              {
                gsize at = rng_below (other_len);
                gsize n = 1 + rng_below (MIN (other_len - at, 256));

                insert_bytes (buf, (gssize)rng_below (buf->len + 1), other_data + at, n);
              }
          }
          break;

        case 7: /* overwrite a 1, 2, 4 or 8-byte word with an extreme value */
          {
            static const guint64 values[] = { 0, 1, G_MAXUINT8, G_MAXUINT16, G_MAXUINT32,
                                              G_MAXUINT64, G_MAXINT32, 0x8000 };
            gsize width = (gsize)1 << rng_below (4);

            if (buf->len >= width)
              {
                guint64 v = values[rng_below (G_N_ELEMENTS (values))];

                memcpy (buf->data + rng_below (buf->len - width + 1), &v, width);
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (buf->len > max_len)
    g_byte_array_set_size (buf, max_len);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
add_path (GPtrArray  *corpus,
          GPtrArray  *names,
          const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (children, g_build_filename (path, name, NULL));
      /* Directory order is not stable: sort so the mutations are the same everywhere. */
      g_ptr_array_sort (children, compare_paths);
      for (guint i = 0; i < children->len; i++)
        add_path (corpus, names, g_ptr_array_index (children, i));
    }
  else
    {
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (corpus, g_bytes_new_take (contents, length));
      g_ptr_array_add (names, g_strdup (path));
    }
}

static void
run_one (const guint8 *data,
         gsize         size,
         const char   *last_path)
{
  /* A copy of exactly @size bytes, so ASan sees any read past the end. */
  g_autofree guint8 *copy = g_malloc (MAX (size, 1));

  gint64 started;
  gint64 elapsed;

  if (size > 0)
    memcpy (copy, data, size);
  if (last_path != NULL)
    g_file_set_contents (last_path, (const char *)data, (gssize)size, NULL);
  started = g_get_monotonic_time ();
  LLVMFuzzerTestOneInput (copy, size);
  elapsed = g_get_monotonic_time () - started;
  /* libFuzzer's -timeout is 10 s in the test runs; anything near it is worth a look. */
  if (elapsed > G_USEC_PER_SEC)
    printf ("slow input: %zu bytes took %.1f s\n", size, elapsed / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) corpus = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_mutations = 2000;
  gint64 seed = 20260615;
  gint64 max_len = 1 << 20;
  const char *last_path = g_getenv ("RECTIFY_FUZZ_LAST");
  gint64 started = g_get_monotonic_time ();
  const GOptionEntry entries[] = {
    { "mutations", 'n', 0, G_OPTION_ARG_INT64, &n_mutations, "Number of mutated inputs", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the mutations", "S" },
    { "max-len", 'm', 0, G_OPTION_ARG_INT64, &max_len, "Longest mutated input", "BYTES" },
    { NULL }
  };

  context = g_option_context_new ("CORPUS-DIR-OR-FILE...");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    add_path (corpus, names, argv[i]);
  if (corpus->len == 0)
    {
      fprintf (stderr, "No inputs\n");
      return 2;
    }

  for (guint i = 0; i < corpus->len; i++)
    {
      GBytes *bytes = g_ptr_array_index (corpus, i);

      printf ("replay %s (%zu bytes)\n", (const char *)g_ptr_array_index (names, i),
              g_bytes_get_size (bytes));
      fflush (stdout);
      run_one (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), last_path);
    }

  rng_state = (guint64)seed * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) + 1;
  for (gint64 i = 0; i < n_mutations; i++)
    {
      GBytes *base = g_ptr_array_index (corpus, (guint)(i % corpus->len));
      g_autoptr(GByteArray) buf = g_byte_array_new ();

      g_byte_array_append (buf, g_bytes_get_data (base, NULL), (guint)g_bytes_get_size (base));
      mutate (buf, corpus, (gsize)max_len);
      run_one (buf->data, buf->len, last_path);
    }

  printf ("ok: %u corpus inputs and %" G_GINT64_FORMAT " mutations (seed %" G_GINT64_FORMAT ") in %.1f s\n",
          corpus->len, n_mutations, seed, (g_get_monotonic_time () - started) / 1e6);

  return 0;
}
