/* rectify-catalogue.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rectify-catalogue.h"
#include "rectify-core-resources.h"

#define CATALOGUE_RESOURCE "/io/github/rectify/Rectify/core/iso27001-2022-catalogue.tsv"

/* The message context of the catalogue's titles and themes. xgettext sees them in
 * rectify-catalogue-strings.c, which build-aux/gen-catalogue-strings.py generates from the
 * catalogue with this context; the context keeps them apart from the same English words
 * elsewhere ("People", the Annex A theme, is not "People", the fishbone bone). */
#define CATALOGUE_CONTEXT "ISO/IEC 27001:2022"

struct _RectifyCatalogueEntry
{
  GObject               parent_instance;

  RectifyCatalogueKind  kind;
  char                 *ref;     /* "A.5.15" or "9.2" */
  char                 *number;  /* "5.15" or "9.2" */
  char                 *title;   /* translated */
  char                 *theme;   /* translated */
  char                 *label;   /* ref and translated title */
  char                 *folded_title;
  char                 *folded_english_title;  /* NULL when the title is not translated */
};

G_DEFINE_FINAL_TYPE (RectifyCatalogueEntry, rectify_catalogue_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_REF,
  PROP_TITLE,
  PROP_THEME,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A read-only list model over the loaded entries. Unlike GListStore, reading it never changes
 * it, so any number of threads may read it at once. */
#define RECTIFY_TYPE_CATALOGUE_MODEL (rectify_catalogue_model_get_type ())
G_DECLARE_FINAL_TYPE (RectifyCatalogueModel, rectify_catalogue_model, RECTIFY, CATALOGUE_MODEL, GObject)

struct _RectifyCatalogueModel
{
  GObject    parent_instance;

  GPtrArray *entries;
};

static void rectify_catalogue_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RectifyCatalogueModel, rectify_catalogue_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rectify_catalogue_model_list_model_init))

typedef struct
{
  RectifyCatalogueModel *model;
  GHashTable            *clauses;   /* number → entry (borrowed) */
  GHashTable            *controls;  /* number → entry (borrowed) */
} Catalogue;

/* The groups of rectify_catalogue_classify (): the Annex A themes by the first number of the
 * control ("A.5.15" -> 5), with the theme as the catalogue writes it (translated in
 * CATALOGUE_CONTEXT), then the groups that are not themes. */
static const struct
{
  const char *key;
  const char *prefix;   /* of a control's ref; NULL for the other groups */
  const char *theme;    /* the catalogue's theme, in English */
} themes[RECTIFY_CATALOGUE_N_THEMES] = {
  [RECTIFY_CATALOGUE_THEME_ORGANIZATIONAL] = { "organizational", "A.5.", "Organizational" },
  [RECTIFY_CATALOGUE_THEME_PEOPLE]         = { "people", "A.6.", "People" },
  [RECTIFY_CATALOGUE_THEME_PHYSICAL]       = { "physical", "A.7.", "Physical" },
  [RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL]  = { "technological", "A.8.", "Technological" },
  [RECTIFY_CATALOGUE_THEME_CLAUSES]        = { "clauses", NULL, NULL },
  [RECTIFY_CATALOGUE_THEME_OTHER]          = { "other", NULL, NULL },
  [RECTIFY_CATALOGUE_THEME_NONE]           = { "none", NULL, NULL },
};

typedef enum
{
  REF_ANY,
  REF_CLAUSE,
  REF_CONTROL,
} RefKind;

/* Helpers */

static const char *
translate (const char *text)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, CATALOGUE_CONTEXT, text);
}

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  if (normalized == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normalized, -1);
}

/* Reads "5.15" (or "05.15") at @p into a canonical number "5.15"; @end receives the first byte
 * after it. With @partial, a dot at the very end is kept ("5." while typing "5.15"). Returns
 * NULL when @p does not start with a number. */
static char *
parse_number (const char  *p,
              gboolean     partial,
              const char **end)
{
  g_autoptr(GString) number = g_string_new (NULL);

  g_assert (p != NULL);
  g_assert (end != NULL);

  if (!g_ascii_isdigit (*p))
    return NULL;

  for (;;)
    {
      const char *start;

      while (*p == '0' && g_ascii_isdigit (p[1]))
        p++;
      start = p;
      while (g_ascii_isdigit (*p))
        p++;
      if (p - start > 3)
        return NULL;

      g_string_append_len (number, start, p - start);

      if (p[0] == '.' && g_ascii_isdigit (p[1]))
        {
          g_string_append_c (number, '.');
          p++;
          continue;
        }

      if (partial && p[0] == '.' && p[1] == '\0')
        {
          g_string_append_c (number, '.');
          p++;
        }

      break;
    }

  *end = p;

  return g_string_free (g_steal_pointer (&number), FALSE);
}

static gboolean
has_word (const char *p,
          const char *word)
{
  gsize len = strlen (word);

  return g_ascii_strncasecmp (p, word, len) == 0 && !g_ascii_isalpha (p[len]);
}

static const char *
skip_separators (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '.' || *p == ':' || *p == '-' || *p == '_')
    p++;

  return p;
}

/* The words that may stand before a number and the kind of reference they name. */
typedef struct
{
  const char *word;
  RefKind     kind;
  gboolean    whole_word;
  gboolean    names_kind;  /* alone, while typing, it means "all of that kind" */
} Marker;

static const Marker markers[] = {
  { "annex", REF_CONTROL, TRUE, TRUE },
  { "control", REF_CONTROL, TRUE, FALSE },
  { "clause", REF_CLAUSE, TRUE, TRUE },
  { "\xc2\xa7", REF_CLAUSE, FALSE, TRUE },  /* § */
  { "a", REF_CONTROL, TRUE, TRUE },          /* "A.5.15", "a5.15", "Annex A 5.15" */
};

/* Splits @text into the kind of reference it names and its number: "Annex A.5.15" gives
 * REF_CONTROL and "5.15", "§ 9.2" gives REF_CLAUSE and "9.2", "5.15" gives REF_ANY and "5.15".
 * @rest receives what follows the number, spaces skipped. Returns FALSE when @text does not
 * start with a reference. With @partial, a kind alone ("A", "Annex A", "Clause", "§") gives an
 * empty number; "Control" alone does not, as it is more likely a word of a title. */
static gboolean
parse_ref (const char  *text,
           gboolean     partial,
           RefKind     *kind,
           char       **number,
           const char **rest)
{
  const char *p = text;
  const char *end = NULL;
  RefKind found = REF_ANY;
  gboolean named_kind = FALSE;

  g_assert (kind != NULL);
  g_assert (number != NULL);
  g_assert (rest != NULL);

  if (text == NULL)
    return FALSE;

  for (;;)
    {
      const Marker *marker = NULL;

      while (g_ascii_isspace (*p))
        p++;

      for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
        {
          if (markers[i].whole_word ? has_word (p, markers[i].word)
                                    : g_str_has_prefix (p, markers[i].word))
            {
              marker = &markers[i];
              break;
            }
        }

      if (marker == NULL)
        break;

      if (found != REF_ANY && found != marker->kind)
        return FALSE;
      found = marker->kind;
      named_kind |= marker->names_kind;
      p = skip_separators (p + strlen (marker->word));
    }

  *number = parse_number (p, partial, &end);
  if (*number == NULL)
    {
      if (!partial || !named_kind || *p != '\0')
        return FALSE;
      *number = g_strdup ("");
      end = p;
    }

  while (g_ascii_isspace (*end))
    end++;

  *kind = found;
  *rest = end;

  return TRUE;
}

/* Model */

static GType
rectify_catalogue_model_get_item_type (GListModel *list)
{
  return RECTIFY_TYPE_CATALOGUE_ENTRY;
}

static guint
rectify_catalogue_model_get_n_items (GListModel *list)
{
  RectifyCatalogueModel *self = RECTIFY_CATALOGUE_MODEL (list);

  return self->entries->len;
}

static gpointer
rectify_catalogue_model_get_item (GListModel *list,
                                  guint       position)
{
  RectifyCatalogueModel *self = RECTIFY_CATALOGUE_MODEL (list);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
rectify_catalogue_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rectify_catalogue_model_get_item_type;
  iface->get_n_items = rectify_catalogue_model_get_n_items;
  iface->get_item = rectify_catalogue_model_get_item;
}

static void
rectify_catalogue_model_finalize (GObject *object)
{
  RectifyCatalogueModel *self = RECTIFY_CATALOGUE_MODEL (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (rectify_catalogue_model_parent_class)->finalize (object);
}

static void
rectify_catalogue_model_class_init (RectifyCatalogueModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rectify_catalogue_model_finalize;
}

static void
rectify_catalogue_model_init (RectifyCatalogueModel *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Loading */

/* @title and @theme are the English ones of the catalogue; the entry shows them in the language
 * of the process (LANGUAGE, LC_MESSAGES), and finds the entry by either title. */
static RectifyCatalogueEntry *
entry_new (RectifyCatalogueKind  kind,
           const char           *number,
           const char           *title,
           const char           *theme)
{
  RectifyCatalogueEntry *self = g_object_new (RECTIFY_TYPE_CATALOGUE_ENTRY, NULL);
  g_autofree char *folded_english_title = fold (title);

  self->kind = kind;
  self->number = g_strdup (number);
  if (kind == RECTIFY_CATALOGUE_CONTROL)
    self->ref = g_strconcat ("A.", number, NULL);
  else
    self->ref = g_strdup (number);
  self->title = g_strdup (translate (title));
  self->theme = g_strdup (theme[0] != '\0' ? translate (theme) : theme);
  self->label = g_strconcat (self->ref, " ", self->title, NULL);
  self->folded_title = fold (self->title);
  if (!g_str_equal (folded_english_title, self->folded_title))
    self->folded_english_title = g_steal_pointer (&folded_english_title);

  return self;
}

static gboolean
load_catalogue (Catalogue  *catalogue,
                GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (rectify_core_get_resource (), CATALOGUE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *number = NULL;
      RectifyCatalogueEntry *entry;
      RectifyCatalogueKind kind;
      GHashTable *index;
      const char *ref;
      const char *end = NULL;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || (i == 0 && g_str_has_prefix (lines[i], "kind\t")))
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 4 || fields[2][0] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Catalogue line %u: expected 4 columns", i + 1);
          return FALSE;
        }

      if (g_str_equal (fields[0], "clause"))
        {
          kind = RECTIFY_CATALOGUE_CLAUSE;
          index = catalogue->clauses;
        }
      else if (g_str_equal (fields[0], "control"))
        {
          kind = RECTIFY_CATALOGUE_CONTROL;
          index = catalogue->controls;
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Catalogue line %u: unknown kind “%s”", i + 1, fields[0]);
          return FALSE;
        }

      ref = fields[1];
      if (kind == RECTIFY_CATALOGUE_CONTROL && g_str_has_prefix (ref, "A."))
        ref += strlen ("A.");
      number = parse_number (ref, FALSE, &end);
      if (number == NULL || *end != '\0' || g_hash_table_contains (index, number))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Catalogue line %u: bad or repeated reference “%s”", i + 1, fields[1]);
          return FALSE;
        }

      entry = entry_new (kind, number, fields[2], fields[3]);
      g_ptr_array_add (catalogue->model->entries, entry);
      g_hash_table_insert (index, entry->number, entry);
    }

  return TRUE;
}

static gpointer
catalogue_init (gpointer data)
{
  g_autoptr(GError) error = NULL;
  Catalogue *catalogue = g_new0 (Catalogue, 1);

  catalogue->model = g_object_new (RECTIFY_TYPE_CATALOGUE_MODEL, NULL);
  catalogue->clauses = g_hash_table_new (g_str_hash, g_str_equal);
  catalogue->controls = g_hash_table_new (g_str_hash, g_str_equal);

  if (!load_catalogue (catalogue, &error))
    {
      /* The catalogue is compiled into the library: failing to read it is a bug. */
      g_critical ("Could not load the ISO/IEC 27001 catalogue: %s", error->message);
      g_hash_table_remove_all (catalogue->clauses);
      g_hash_table_remove_all (catalogue->controls);
      g_ptr_array_set_size (catalogue->model->entries, 0);
    }

  return catalogue;
}

static Catalogue *
get_catalogue (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, catalogue_init, NULL);
}

static RectifyCatalogueEntry *
find_entry (Catalogue  *catalogue,
            RefKind     kind,
            const char *number)
{
  RectifyCatalogueEntry *entry = NULL;

  if (kind != REF_CONTROL)
    entry = g_hash_table_lookup (catalogue->clauses, number);
  if (entry == NULL && kind != REF_CLAUSE)
    entry = g_hash_table_lookup (catalogue->controls, number);

  return entry;
}

/* Does every word of @words occur in @folded_title? Sets @at_word_start when each one begins a
 * word of the title. */
static gboolean
words_match (const char  *folded_title,
             char       **words,
             gboolean    *at_word_start)
{
  *at_word_start = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *hit = strstr (folded_title, words[i]);
      gboolean starts_word = FALSE;

      if (hit == NULL)
        return FALSE;

      for (; hit != NULL; hit = strstr (hit + 1, words[i]))
        {
          if (hit == folded_title || !g_unichar_isalnum (
                g_utf8_get_char (g_utf8_find_prev_char (folded_title, hit))))
            {
              starts_word = TRUE;
              break;
            }
        }

      if (!starts_word)
        *at_word_start = FALSE;
    }

  return TRUE;
}

/* Does every word of @words occur in @entry's translated title, or every one in its English
 * title? People type either ("Zugang" or "access" for A.5.15). Sets @at_word_start when each
 * one begins a word of a title that matches. */
static gboolean
title_matches (RectifyCatalogueEntry  *entry,
               char                  **words,
               gboolean               *at_word_start)
{
  gboolean matches = words_match (entry->folded_title, words, at_word_start);
  gboolean english_at_word_start = FALSE;

  if ((!matches || !*at_word_start) && entry->folded_english_title != NULL &&
      words_match (entry->folded_english_title, words, &english_at_word_start))
    {
      /* Here the translated title matched, if at all, only inside words. */
      *at_word_start = english_at_word_start;
      matches = TRUE;
    }

  return matches;
}

static char **
split_words (const char *text)
{
  g_autofree char *folded = fold (text);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = folded;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }

  g_ptr_array_add (words, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/* Entry */

static void
rectify_catalogue_entry_finalize (GObject *object)
{
  RectifyCatalogueEntry *self = RECTIFY_CATALOGUE_ENTRY (object);

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->folded_title, g_free);
  g_clear_pointer (&self->folded_english_title, g_free);

  G_OBJECT_CLASS (rectify_catalogue_entry_parent_class)->finalize (object);
}

static void
rectify_catalogue_entry_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RectifyCatalogueEntry *self = RECTIFY_CATALOGUE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_THEME:
      g_value_set_string (value, self->theme);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_catalogue_entry_class_init (RectifyCatalogueEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rectify_catalogue_entry_finalize;
  object_class->get_property = rectify_catalogue_entry_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      RECTIFY_CATALOGUE_CLAUSE, RECTIFY_CATALOGUE_CONTROL,
                      RECTIFY_CATALOGUE_CLAUSE,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_THEME] =
    g_param_spec_string ("theme", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_catalogue_entry_init (RectifyCatalogueEntry *self)
{
}

/* Public API */

RectifyCatalogueKind
rectify_catalogue_entry_get_kind (RectifyCatalogueEntry *self)
{
  g_return_val_if_fail (RECTIFY_IS_CATALOGUE_ENTRY (self), RECTIFY_CATALOGUE_CLAUSE);

  return self->kind;
}

const char *
rectify_catalogue_entry_get_ref (RectifyCatalogueEntry *self)
{
  g_return_val_if_fail (RECTIFY_IS_CATALOGUE_ENTRY (self), NULL);

  return self->ref;
}

const char *
rectify_catalogue_entry_get_title (RectifyCatalogueEntry *self)
{
  g_return_val_if_fail (RECTIFY_IS_CATALOGUE_ENTRY (self), NULL);

  return self->title;
}

const char *
rectify_catalogue_entry_get_theme (RectifyCatalogueEntry *self)
{
  g_return_val_if_fail (RECTIFY_IS_CATALOGUE_ENTRY (self), NULL);

  return self->theme;
}

const char *
rectify_catalogue_entry_get_label (RectifyCatalogueEntry *self)
{
  g_return_val_if_fail (RECTIFY_IS_CATALOGUE_ENTRY (self), NULL);

  return self->label;
}

/**
 * rectify_catalogue_get_default:
 *
 * Returns: (transfer none): all entries in standard order, clauses first. Safe to read from
 *   any thread.
 */
GListModel *
rectify_catalogue_get_default (void)
{
  return G_LIST_MODEL (get_catalogue ()->model);
}

/**
 * rectify_catalogue_lookup:
 * @text: (nullable): a reference as people write it
 *
 * Returns: (transfer none) (nullable): the entry, or %NULL when @text names none
 */
RectifyCatalogueEntry *
rectify_catalogue_lookup (const char *text)
{
  Catalogue *catalogue = get_catalogue ();
  g_autofree char *number = NULL;
  RectifyCatalogueEntry *entry;
  const char *rest = NULL;
  RefKind kind;

  if (!parse_ref (text, FALSE, &kind, &number, &rest))
    return NULL;

  entry = find_entry (catalogue, kind, number);
  if (entry == NULL)
    return NULL;

  /* A trailing full stop, or the full label ("A.5.15 Access control."), may follow, with the
   * title translated or in English. */
  if (*rest != '\0')
    {
      g_autofree char *copy = g_strstrip (g_strdup (rest));
      g_autofree char *folded_rest = NULL;

      if (g_str_has_suffix (copy, "."))
        copy[strlen (copy) - 1] = '\0';
      g_strchomp (copy);
      if (copy[0] == '\0')
        return entry;

      folded_rest = fold (copy);
      if (!g_str_equal (folded_rest, entry->folded_title) &&
          g_strcmp0 (folded_rest, entry->folded_english_title) != 0)
        return NULL;
    }

  return entry;
}

/**
 * rectify_catalogue_search:
 * @text: (nullable): what the user typed
 * @max_results: the most entries to return, 0 for no limit
 *
 * Entries whose reference starts with @text come first, in standard order; then entries whose
 * title, translated or in English, contains every word of @text, those where each word begins a
 * word of the title first.
 * An empty @text gives every entry; a kind alone ("Annex A", "Clause") every entry of that kind.
 *
 * Returns: (transfer full) (element-type RectifyCatalogueEntry): the matching entries
 */
GPtrArray *
rectify_catalogue_search (const char *text,
                          guint       max_results)
{
  Catalogue *catalogue = get_catalogue ();
  GPtrArray *entries = catalogue->model->entries;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) later = g_ptr_array_new ();
  g_autofree gboolean *taken = g_new0 (gboolean, entries->len + 1);
  g_autofree char *number = NULL;
  g_auto(GStrv) words = NULL;
  const char *rest = NULL;
  RefKind kind = REF_ANY;
  gboolean is_ref;
  guint limit = max_results > 0 ? max_results : G_MAXUINT;

  if (text == NULL)
    text = "";

  words = split_words (text);
  is_ref = parse_ref (text, TRUE, &kind, &number, &rest) && *rest == '\0';

  if (!is_ref && words[0] == NULL)
    {
      for (guint i = 0; i < entries->len && results->len < limit; i++)
        g_ptr_array_add (results, g_object_ref (g_ptr_array_index (entries, i)));
      return g_steal_pointer (&results);
    }

  /* 1. References that start with what was typed: "A.5.1" finds A.5.1 and A.5.10-A.5.19;
   * "Annex A" finds every control. */
  if (is_ref)
    {
      for (guint i = 0; i < entries->len && results->len < limit; i++)
        {
          RectifyCatalogueEntry *entry = g_ptr_array_index (entries, i);

          if ((kind == REF_CLAUSE && entry->kind != RECTIFY_CATALOGUE_CLAUSE) ||
              (kind == REF_CONTROL && entry->kind != RECTIFY_CATALOGUE_CONTROL))
            continue;

          if (g_str_has_prefix (entry->number, number))
            {
              g_ptr_array_add (results, g_object_ref (entry));
              taken[i] = TRUE;
            }
        }
    }

  /* 2. Titles that contain every word, those that match at word starts first. */
  for (guint i = 0; words[0] != NULL && i < entries->len; i++)
    {
      RectifyCatalogueEntry *entry = g_ptr_array_index (entries, i);
      gboolean at_word_start;

      if (taken[i] || !title_matches (entry, words, &at_word_start))
        continue;

      if (at_word_start)
        {
          if (results->len < limit)
            g_ptr_array_add (results, g_object_ref (entry));
        }
      else
        g_ptr_array_add (later, entry);
    }

  for (guint i = 0; i < later->len && results->len < limit; i++)
    g_ptr_array_add (results, g_object_ref (g_ptr_array_index (later, i)));

  return g_steal_pointer (&results);
}

/**
 * rectify_catalogue_classify:
 * @requirement: (nullable): an NC's requirement as written
 * @entry: (out) (optional) (transfer none) (nullable): its catalogue entry
 *
 * Returns: the group of @requirement
 */
RectifyCatalogueTheme
rectify_catalogue_classify (const char             *requirement,
                            RectifyCatalogueEntry **entry)
{
  g_autofree char *stripped = g_strstrip (g_strdup (requirement != NULL ? requirement : ""));
  RectifyCatalogueEntry *found;

  if (entry != NULL)
    *entry = NULL;

  if (stripped[0] == '\0')
    return RECTIFY_CATALOGUE_THEME_NONE;

  if ((found = rectify_catalogue_lookup (stripped)) == NULL)
    return RECTIFY_CATALOGUE_THEME_OTHER;

  if (entry != NULL)
    *entry = found;

  if (found->kind == RECTIFY_CATALOGUE_CLAUSE)
    return RECTIFY_CATALOGUE_THEME_CLAUSES;

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    if (themes[i].prefix != NULL && g_str_has_prefix (found->ref, themes[i].prefix))
      return (RectifyCatalogueTheme)i;

  return RECTIFY_CATALOGUE_THEME_OTHER;
}

const char *
rectify_catalogue_theme_get_key (RectifyCatalogueTheme theme)
{
  g_return_val_if_fail ((guint)theme < RECTIFY_CATALOGUE_N_THEMES, NULL);

  return themes[theme].key;
}

const char *
rectify_catalogue_theme_get_label (RectifyCatalogueTheme theme)
{
  g_return_val_if_fail ((guint)theme < RECTIFY_CATALOGUE_N_THEMES, NULL);

  switch (theme)
    {
    case RECTIFY_CATALOGUE_THEME_ORGANIZATIONAL:
    case RECTIFY_CATALOGUE_THEME_PEOPLE:
    case RECTIFY_CATALOGUE_THEME_PHYSICAL:
    case RECTIFY_CATALOGUE_THEME_TECHNOLOGICAL:
      return translate (themes[theme].theme);
    case RECTIFY_CATALOGUE_THEME_CLAUSES:
      /* Translators: the group of all clause requirements in the figures by theme and in the
       * register's theme filter */
      return _("Clauses 4-10");
    case RECTIFY_CATALOGUE_THEME_OTHER:
      /* Translators: the group of requirements the ISO/IEC 27001 catalogue does not know */
      return _("Not in the catalogue");
    case RECTIFY_CATALOGUE_THEME_NONE:
    default:
      return _("No requirement");
    }
}

gboolean
rectify_catalogue_theme_from_key (const char            *key,
                                  RectifyCatalogueTheme *theme)
{
  g_return_val_if_fail (theme != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    if (g_strcmp0 (key, themes[i].key) == 0)
      {
        *theme = (RectifyCatalogueTheme)i;
        return TRUE;
      }

  return FALSE;
}
