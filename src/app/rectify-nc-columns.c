/* rectify-nc-columns.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-nc-columns"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-date.h"
#include "rectify-enums.h"
#include "rectify-nc-columns.h"

/* Every column has a cell made in setup and filled in bind (and again when the NC changes while
 * its row is on screen), and a sorter. Only the rows on screen have widgets. */

typedef GtkWidget *(*CreateCellFunc) (void);
typedef void       (*FillCellFunc)   (GtkWidget            *cell,
                                      RectifyNonconformity *nc,
                                      const char           *today);

typedef struct
{
  const char       *id;
  const char       *title;
  gboolean          expand;
  int               fixed_width;
  CreateCellFunc    create;
  FillCellFunc      fill;
  /* Either a string property for a GtkStringSorter, or a compare function. */
  const char       *sort_property;
  GCompareDataFunc  compare;
} ColumnInfo;

typedef struct
{
  const ColumnInfo *info;
  char             *today;
} ColumnData;

static void
column_data_free (gpointer data)
{
  ColumnData *cd = data;

  g_free (cd->today);
  g_free (cd);
}

int
_rectify_natural_compare (const char *a,
                          const char *b)
{
  if (a == b)
    return 0;
  if (a == NULL || *a == '\0')
    return (b == NULL || *b == '\0') ? 0 : 1;
  if (b == NULL || *b == '\0')
    return -1;

  while (*a && *b)
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *ea, *eb;
          gsize la, lb;
          int cmp;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (ea = a; g_ascii_isdigit (*ea); ea++);
          for (eb = b; g_ascii_isdigit (*eb); eb++);
          la = ea - a;
          lb = eb - b;
          if (la != lb)
            return la < lb ? -1 : 1;
          if ((cmp = strncmp (a, b, la)) != 0)
            return cmp < 0 ? -1 : 1;
          a = ea;
          b = eb;
        }
      else
        {
          char ca = g_ascii_tolower (*a);
          char cb = g_ascii_tolower (*b);

          if (ca != cb)
            return ca < cb ? -1 : 1;
          a++;
          b++;
        }
    }

  if (*a == *b)
    return 0;
  return *a == '\0' ? -1 : 1;
}

char *
_rectify_format_due_date (const char *due,
                          gboolean    finished,
                          const char *today)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date_text = NULL;
  GDate date;
  int days_left;

  if (due == NULL || !rectify_date_parse (due, &date))
    return NULL;

  /* A calendar date: no time zone to look up (once per row on screen) */
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 12, 0, 0);
  /* Translators: a due date in the table, see strftime(3) */
  date_text = g_date_time_format (dt, _("%-d %b %Y"));

  if (finished || today == NULL ||
      !rectify_date_days_between (today, due, &days_left) ||
      days_left > 0)
    return g_steal_pointer (&date_text);

  if (days_left == 0)
    /* Translators: a due date, then that it is today */
    return g_strdup_printf (_("%s · due today"), date_text);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a due date, then how late it is */
                                       "%s · %d day overdue",
                                       "%s · %d days overdue",
                                       -days_left),
                          date_text, -days_left);
}

char *
_rectify_nc_columns_format_due (RectifyNonconformity *nc,
                                const char           *today)
{
  return _rectify_format_due_date (rectify_nonconformity_get_due_on (nc),
                                   rectify_nonconformity_get_status (nc) == RECTIFY_STATUS_CLOSED,
                                   today);
}

/* Cells */

static GtkWidget *
create_label_cell (void)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0f,
                       "ellipsize", PANGO_ELLIPSIZE_END,
                       NULL);
}

static GtkWidget *
create_grade_cell (void)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "halign", GTK_ALIGN_START,
                       "css-classes", (const char *[]) { "grade-pill", NULL },
                       NULL);
}

static gboolean
overdue_query_tooltip_cb (GtkWidget  *cell,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, _("Overdue"));
  return TRUE;
}

/* Shown only for an overdue NC: its tooltip and accessible name are always "Overdue". The
 * tooltip comes from query-tooltip: gtk_widget_set_tooltip_text () asks the display where the
 * pointer is (a round trip to the X server), which, once per row, slowed the table's filling. */
static GtkWidget *
create_overdue_cell (void)
{
  GtkWidget *cell = g_object_new (GTK_TYPE_IMAGE,
                                  "visible", FALSE,
                                  "halign", GTK_ALIGN_CENTER,
                                  "icon-name", "alarm-symbolic",
                                  "css-classes", (const char *[]) { "overdue", NULL },
                                  "has-tooltip", TRUE,
                                  NULL);

  g_signal_connect (cell, "query-tooltip", G_CALLBACK (overdue_query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"),
                                  -1);
  return cell;
}

static void
fill_ref (GtkWidget            *cell,
          RectifyNonconformity *nc,
          const char           *today)
{
  gtk_label_set_text (GTK_LABEL (cell), rectify_nonconformity_get_ref (nc));
}

static void
fill_title (GtkWidget            *cell,
            RectifyNonconformity *nc,
            const char           *today)
{
  const char *title = rectify_nonconformity_get_title (nc);

  if (title != NULL && *title != '\0')
    {
      gtk_label_set_text (GTK_LABEL (cell), title);
      gtk_widget_remove_css_class (cell, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (cell), _("Untitled"));
      gtk_widget_add_css_class (cell, "dim-label");
    }
}

static void
fill_grade (GtkWidget            *cell,
            RectifyNonconformity *nc,
            const char           *today)
{
  RectifyGrade grade = rectify_nonconformity_get_grade (nc);

  for (int g = 0; g < RECTIFY_N_GRADES; g++)
    {
      const char *nick = rectify_enum_to_nick (RECTIFY_TYPE_GRADE, g);

      if (g == (int)grade)
        gtk_widget_add_css_class (cell, nick);
      else
        gtk_widget_remove_css_class (cell, nick);
    }
  gtk_label_set_text (GTK_LABEL (cell), rectify_enum_to_label (RECTIFY_TYPE_GRADE, grade));
}

static void
fill_requirement (GtkWidget            *cell,
                  RectifyNonconformity *nc,
                  const char           *today)
{
  gtk_label_set_text (GTK_LABEL (cell), rectify_nonconformity_get_requirement (nc));
}

static void
fill_source (GtkWidget            *cell,
             RectifyNonconformity *nc,
             const char           *today)
{
  gtk_label_set_text (GTK_LABEL (cell),
                      rectify_enum_to_label (RECTIFY_TYPE_SOURCE,
                                             rectify_nonconformity_get_source (nc)));
}

static void
fill_status (GtkWidget            *cell,
             RectifyNonconformity *nc,
             const char           *today)
{
  gtk_label_set_text (GTK_LABEL (cell),
                      rectify_enum_to_label (RECTIFY_TYPE_STATUS,
                                             rectify_nonconformity_get_status (nc)));
}

static void
fill_owner (GtkWidget            *cell,
            RectifyNonconformity *nc,
            const char           *today)
{
  gtk_label_set_text (GTK_LABEL (cell), rectify_nonconformity_get_owner (nc));
}

static void
fill_due (GtkWidget            *cell,
          RectifyNonconformity *nc,
          const char           *today)
{
  g_autofree char *text = _rectify_nc_columns_format_due (nc, today);

  gtk_label_set_text (GTK_LABEL (cell), text);
  if (rectify_nonconformity_is_overdue (nc, today))
    gtk_widget_add_css_class (cell, "overdue");
  else
    gtk_widget_remove_css_class (cell, "overdue");
}

static void
fill_overdue (GtkWidget            *cell,
              RectifyNonconformity *nc,
              const char           *today)
{
  gtk_widget_set_visible (cell, rectify_nonconformity_is_overdue (nc, today));
}

/* Sorters */

static int
compare_ref (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return _rectify_natural_compare (rectify_nonconformity_get_ref ((RectifyNonconformity *)a),
                                   rectify_nonconformity_get_ref ((RectifyNonconformity *)b));
}

static int
compare_requirement (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return _rectify_natural_compare (rectify_nonconformity_get_requirement ((RectifyNonconformity *)a),
                                   rectify_nonconformity_get_requirement ((RectifyNonconformity *)b));
}

static int
compare_int (int a,
             int b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_grade (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_int (rectify_nonconformity_get_grade ((RectifyNonconformity *)a),
                      rectify_nonconformity_get_grade ((RectifyNonconformity *)b));
}

static int
compare_source (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_int (rectify_nonconformity_get_source ((RectifyNonconformity *)a),
                      rectify_nonconformity_get_source ((RectifyNonconformity *)b));
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_int (rectify_nonconformity_get_status ((RectifyNonconformity *)a),
                      rectify_nonconformity_get_status ((RectifyNonconformity *)b));
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const char *da = rectify_nonconformity_get_due_on ((RectifyNonconformity *)a);
  const char *db = rectify_nonconformity_get_due_on ((RectifyNonconformity *)b);

  /* ISO dates sort as strings; no date sorts last. */
  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_strcmp0 (da, db);
}

static int
compare_overdue (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const char *today = user_data;
  gboolean oa = rectify_nonconformity_is_overdue ((RectifyNonconformity *)a, today);
  gboolean ob = rectify_nonconformity_is_overdue ((RectifyNonconformity *)b, today);

  /* Overdue first, then the longest overdue first. */
  if (oa != ob)
    return oa ? -1 : 1;
  return compare_due (a, b, NULL);
}

static const ColumnInfo columns[] = {
  { "ref", N_("Reference"), FALSE, 90, create_label_cell, fill_ref, NULL, compare_ref },
  { "title", N_("Title"), TRUE, 240, create_label_cell, fill_title, "title", NULL },
  { "grade", N_("Grade"), FALSE, 110, create_grade_cell, fill_grade, NULL, compare_grade },
  { "requirement", N_("Requirement"), FALSE, 110, create_label_cell, fill_requirement, NULL, compare_requirement },
  { "source", N_("Source"), FALSE, 140, create_label_cell, fill_source, NULL, compare_source },
  { "status", N_("Status"), FALSE, 130, create_label_cell, fill_status, NULL, compare_status },
  { "owner", N_("Owner"), FALSE, 130, create_label_cell, fill_owner, "owner", NULL },
  { "due", N_("Due"), FALSE, 240, create_label_cell, fill_due, NULL, compare_due },
  { "overdue", N_("Overdue"), FALSE, 76, create_overdue_cell, fill_overdue, NULL, compare_overdue },
};

/* Factory callbacks */

static void
item_notify_cb (RectifyNonconformity *nc,
                GParamSpec           *pspec,
                GtkListItem          *list_item)
{
  ColumnData *cd = g_object_get_data (G_OBJECT (list_item), "rectify-column-data");
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (cd != NULL && cell != NULL)
    cd->info->fill (cell, nc, cd->today);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnData               *cd)
{
  gtk_list_item_set_child (list_item, cd->info->create ());
  g_object_set_data (G_OBJECT (list_item), "rectify-column-data", cd);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnData               *cd)
{
  RectifyNonconformity *nc = gtk_list_item_get_item (list_item);
  gulong handler;

  cd->info->fill (gtk_list_item_get_child (list_item), nc, cd->today);

  /* A row on screen follows edits to its NC. */
  handler = g_signal_connect (nc, "notify", G_CALLBACK (item_notify_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "rectify-notify-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnData               *cd)
{
  gpointer item = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item),
                                                        "rectify-notify-handler"));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), "rectify-notify-handler", NULL);
}

/* The width, in pixels, that the widest label of @enum_type takes in @view's font, plus
 * @padding (a grade's pill, the cell's margins); 0 for a column of free text. Columns keep fixed
 * widths (the view never measures 10,000 rows), wide enough for every value in every language:
 * German grades are twice as long as English ones. */
static int
enum_column_width (GtkColumnView *view,
                   GType          enum_type,
                   int            padding)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), NULL);
  int widest = 0;

  for (guint i = 0; i < klass->n_values; i++)
    {
      int width = 0;

      pango_layout_set_text (layout, rectify_enum_to_label (enum_type, klass->values[i].value), -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest + padding;
}

GtkColumnViewColumn *
_rectify_nc_columns_add (GtkColumnView *view,
                         const char    *today)
{
  GtkColumnViewColumn *first = NULL;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const ColumnInfo *info = &columns[i];
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      GtkListItemFactory *factory;
      ColumnData *cd;
      int width;

      cd = g_new0 (ColumnData, 1);
      cd->info = info;
      cd->today = g_strdup (today);

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data_full (G_OBJECT (factory), "rectify-column-data", cd, column_data_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), cd);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), cd);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), cd);

      if (info->sort_property != NULL)
        sorter = GTK_SORTER (gtk_string_sorter_new (
          gtk_property_expression_new (RECTIFY_TYPE_NONCONFORMITY, NULL, info->sort_property)));
      else
        sorter = GTK_SORTER (gtk_custom_sorter_new (info->compare, cd, NULL));

      /* The overdue sorter needs today; the others ignore their data. */
      if (info->compare == compare_overdue)
        gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), info->compare,
                                         cd->today, NULL);

      column = gtk_column_view_column_new (_(info->title), factory);
      gtk_column_view_column_set_expand (column, info->expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (g_str_equal (info->id, "grade"))
        width = enum_column_width (view, RECTIFY_TYPE_GRADE, 40);
      else if (g_str_equal (info->id, "status"))
        width = enum_column_width (view, RECTIFY_TYPE_STATUS, 24);
      else if (g_str_equal (info->id, "source"))
        width = enum_column_width (view, RECTIFY_TYPE_SOURCE, 24);
      else
        width = 0;
      gtk_column_view_column_set_fixed_width (column, MAX (info->fixed_width, width));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (view, column);

      if (first == NULL)
        first = column;
    }

  return first;
}
