/* rectify-actions-page.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-actions-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rectify-accessible.h"
#include "rectify-actions-page.h"
#include "rectify-date.h"
#include "rectify-enums.h"
#include "rectify-nc-columns.h"

/* The corrective actions of the register in a table:
 * actions -> GtkFilterListModel -> GtkSortListModel (column view's sorter) -> GtkSingleSelection.
 * The NCs column asks the register for each action's NCs only when a row is bound (or when the
 * table is sorted by that column), and keeps the answer until the links or refs change. */

struct _RectifyActionsPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkDropDown         *owner_filter;
  GtkDropDown         *status_filter;
  GtkToggleButton     *overdue_toggle;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkPopover          *nc_popover;
  GtkLabel            *nc_popover_title;
  GtkListBox          *nc_list;

  RectifyRegister     *reg;
  char                *today;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkCustomFilter     *filter;
  GHashTable          *nc_refs;      /* action id (gint64 *) -> "NC-001, NC-004" */
  GHashTable          *bound_cells;  /* NCs cells on screen -> their GtkListItem */

  GtkStringList       *owner_names;  /* "All Owners", then the owners, sorted */
  guint                owners_idle;
  guint                refresh_idle;

  /* Filter state */
  char                *owner;        /* NULL: all */
  int                  status;       /* -1: all */
  gboolean             overdue_only;
};

G_DEFINE_FINAL_TYPE (RectifyActionsPage, rectify_actions_page, GTK_TYPE_WIDGET)

enum {
  SHOW_NONCONFORMITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static int
compare_ref_ptrs (gconstpointer a,
                  gconstpointer b)
{
  return _rectify_natural_compare (*(const char * const *)a, *(const char * const *)b);
}

static int
collate_ptrs (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

static const char *
get_nc_refs (RectifyActionsPage *self,
             RectifyAction      *action)
{
  gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (action));
  g_autoptr(GListModel) ncs = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  const char *cached;
  gint64 *key;
  char *joined;
  guint n;

  if ((cached = g_hash_table_lookup (self->nc_refs, &id)) != NULL)
    return cached;
  if (self->reg == NULL)
    return "";

  ncs = rectify_register_list_nonconformities_for (self->reg, action);
  n = g_list_model_get_n_items (ncs);
  refs = g_ptr_array_new_full (n + 1, g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      g_ptr_array_add (refs, g_strdup (rectify_nonconformity_get_ref (nc)));
    }
  g_ptr_array_sort (refs, compare_ref_ptrs);
  g_ptr_array_add (refs, NULL);

  /* Translators: the separator between NC references in the NCs column */
  joined = g_strjoinv (_(", "), (char **)refs->pdata);
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (self->nc_refs, key, joined);

  return joined;
}

static gboolean
filters_active (RectifyActionsPage *self)
{
  return self->owner != NULL || self->status >= 0 || self->overdue_only;
}

static void
update_count (RectifyActionsPage *self)
{
  guint total = 0;
  guint shown = 0;
  g_autofree char *text = NULL;

  if (self->reg != NULL)
    {
      total = g_list_model_get_n_items (rectify_register_get_actions (self->reg));
      shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
    }

  if (filters_active (self))
    /* Translators: "12 of 240 actions" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u of %'u action",
                                         "%'u of %'u actions", total),
                            shown, total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u action",
                                         "%'u actions", total),
                            total);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RectifyActionsPage *self = user_data;
  RectifyAction *action = item;

  if (self->status >= 0 && (int)rectify_action_get_status (action) != self->status)
    return FALSE;
  if (self->owner != NULL && g_strcmp0 (rectify_action_get_owner (action), self->owner) != 0)
    return FALSE;
  if (self->overdue_only && !rectify_action_is_overdue (action, self->today))
    return FALSE;

  return TRUE;
}

static void
refilter (RectifyActionsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static gboolean
rebuild_owners (gpointer user_data)
{
  RectifyActionsPage *self = user_data;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->owner_names));
  g_autofree char *keep = g_strdup (self->owner);
  guint selected = 0;

  self->owners_idle = 0;

  if (self->reg != NULL)
    {
      GListModel *actions = rectify_register_get_actions (self->reg);
      guint n = g_list_model_get_n_items (actions);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
          const char *owner = rectify_action_get_owner (action);

          /* The action holds the string as long as it is in the model. */
          if (owner != NULL && *owner != '\0' && g_hash_table_add (seen, (gpointer)owner))
            g_ptr_array_add (owners, (gpointer)owner);
        }
    }
  g_ptr_array_sort (owners, collate_ptrs);

  for (guint i = 0; i < owners->len; i++)
    if (g_strcmp0 (owners->pdata[i], keep) == 0)
      selected = i + 1;
  g_ptr_array_add (owners, NULL);

  /* Splicing sets the selection back to 0 when the selected item goes; that may reset the
   * filter, so put it back after. */
  gtk_string_list_splice (self->owner_names, 1, n_old - 1, (const char * const *)owners->pdata);
  gtk_drop_down_set_selected (self->owner_filter, selected);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild_owners (RectifyActionsPage *self)
{
  if (self->owners_idle == 0)
    self->owners_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_owners, self, NULL);
}

/* Cells */

typedef enum
{
  COLUMN_REF,
  COLUMN_TITLE,
  COLUMN_NCS,
  COLUMN_OWNER,
  COLUMN_TARGET,
  COLUMN_STATUS,
  COLUMN_DONE,
} ColumnId;

typedef struct
{
  ColumnId    id;
  const char *title;
  gboolean    expand;
  int         fixed_width;
} ColumnInfo;

static const ColumnInfo columns[] = {
  { COLUMN_REF, N_("Reference"), FALSE, 90 },
  { COLUMN_TITLE, N_("Title"), TRUE, 220 },
  { COLUMN_NCS, N_("NCs"), FALSE, 150 },
  { COLUMN_OWNER, N_("Owner"), FALSE, 140 },
  { COLUMN_TARGET, N_("Target Date"), FALSE, 250 },
  { COLUMN_STATUS, N_("Status"), FALSE, 110 },
  { COLUMN_DONE, N_("Done On"), FALSE, 110 },
};

static void
fill_cell (RectifyActionsPage *self,
           const ColumnInfo   *info,
           GtkWidget          *cell,
           RectifyAction      *action)
{
  g_autofree char *text = NULL;
  GtkWidget *label = cell;

  switch (info->id)
    {
    case COLUMN_REF:
      gtk_label_set_text (GTK_LABEL (label), rectify_action_get_ref (action));
      break;

    case COLUMN_TITLE:
      {
        const char *title = rectify_action_get_title (action);

        if (title != NULL && *title != '\0')
          {
            gtk_label_set_text (GTK_LABEL (label), title);
            gtk_widget_remove_css_class (label, "dim-label");
          }
        else
          {
            gtk_label_set_text (GTK_LABEL (label), _("Untitled"));
            gtk_widget_add_css_class (label, "dim-label");
          }
      }
      break;

    case COLUMN_NCS:
      gtk_label_set_text (GTK_LABEL (label), get_nc_refs (self, action));
      break;

    case COLUMN_OWNER:
      gtk_label_set_text (GTK_LABEL (label), rectify_action_get_owner (action));
      break;

    case COLUMN_TARGET:
      {
        RectifyActionStatus status = rectify_action_get_status (action);
        gboolean overdue = rectify_action_is_overdue (action, self->today);
        GtkWidget *icon = gtk_widget_get_first_child (cell);

        label = gtk_widget_get_last_child (cell);
        text = _rectify_format_due_date (rectify_action_get_target_on (action),
                                         status == RECTIFY_ACTION_STATUS_DONE ||
                                         status == RECTIFY_ACTION_STATUS_CANCELLED,
                                         self->today);
        gtk_label_set_text (GTK_LABEL (label), text);
        gtk_widget_set_visible (icon, overdue);
        if (overdue)
          gtk_widget_add_css_class (cell, "overdue");
        else
          gtk_widget_remove_css_class (cell, "overdue");
      }
      break;

    case COLUMN_STATUS:
      gtk_label_set_text (GTK_LABEL (label),
                          rectify_enum_to_label (RECTIFY_TYPE_ACTION_STATUS,
                                                 rectify_action_get_status (action)));
      break;

    case COLUMN_DONE:
      /* only the date: the same text as a due date of something finished */
      text = _rectify_format_due_date (rectify_action_get_done_on (action), TRUE, NULL);
      gtk_label_set_text (GTK_LABEL (label), text);
      break;

    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_cell (const ColumnInfo *info)
{
  GtkWidget *label;
  GtkWidget *box;
  GtkWidget *icon;

  label = g_object_new (GTK_TYPE_LABEL,
                        "xalign", 0.0f,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        NULL);
  if (info->id != COLUMN_TARGET)
    return label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", "alarm-symbolic",
                       "visible", FALSE,
                       "tooltip-text", _("Overdue"),
                       NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"),
                                  -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
item_notify_cb (RectifyAction *action,
                GParamSpec    *pspec,
                GtkListItem   *list_item)
{
  RectifyActionsPage *self = g_object_get_data (G_OBJECT (list_item), "rectify-page");
  const ColumnInfo *info = g_object_get_data (G_OBJECT (list_item), "rectify-column");
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (self != NULL && info != NULL && cell != NULL)
    fill_cell (self, info, cell, action);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          RectifyActionsPage       *self)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (factory), "rectify-column");

  gtk_list_item_set_child (list_item, create_cell (info));
  g_object_set_data (G_OBJECT (list_item), "rectify-column", (gpointer)info);
  g_object_set_data (G_OBJECT (list_item), "rectify-page", self);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         RectifyActionsPage       *self)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (factory), "rectify-column");
  RectifyAction *action = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gulong handler;

  fill_cell (self, info, cell, action);

  handler = g_signal_connect (action, "notify", G_CALLBACK (item_notify_cb), list_item);
  g_object_set_data (G_OBJECT (list_item), "rectify-notify-handler", GSIZE_TO_POINTER (handler));

  if (info->id == COLUMN_NCS)
    g_hash_table_insert (self->bound_cells, cell, list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           RectifyActionsPage       *self)
{
  gpointer item = gtk_list_item_get_item (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item),
                                                        "rectify-notify-handler"));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), "rectify-notify-handler", NULL);
  g_hash_table_remove (self->bound_cells, gtk_list_item_get_child (list_item));
}

/* Refills the NCs cells on screen (after the cache was cleared). */
static gboolean
refresh_nc_cells (gpointer user_data)
{
  RectifyActionsPage *self = user_data;
  GHashTableIter iter;
  gpointer cell, list_item;

  self->refresh_idle = 0;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &cell, &list_item))
    {
      RectifyAction *action = gtk_list_item_get_item (list_item);

      if (action != NULL)
        gtk_label_set_text (GTK_LABEL (cell), get_nc_refs (self, action));
    }

  return G_SOURCE_REMOVE;
}

/* Sorters */

static int
compare_strings (const char *a,
                 const char *b)
{
  /* Empty sorts last. */
  if (a == NULL || *a == '\0' || b == NULL || *b == '\0')
    return (a == NULL || *a == '\0') - (b == NULL || *b == '\0');
  return g_utf8_collate (a, b);
}

static int
compare_dates (const char *a,
               const char *b)
{
  /* ISO dates sort as strings; no date sorts last. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return strcmp (a, b);
}

static int
compare_actions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  RectifyAction *aa = (RectifyAction *)a;
  RectifyAction *ab = (RectifyAction *)b;
  GtkCustomSorter *sorter = user_data;
  const ColumnInfo *info = g_object_get_data (G_OBJECT (sorter), "rectify-column");
  RectifyActionsPage *self = g_object_get_data (G_OBJECT (sorter), "rectify-page");
  int cmp = 0;

  switch (info->id)
    {
    case COLUMN_REF:
      break;
    case COLUMN_TITLE:
      cmp = compare_strings (rectify_action_get_title (aa), rectify_action_get_title (ab));
      break;
    case COLUMN_NCS:
      cmp = _rectify_natural_compare (get_nc_refs (self, aa), get_nc_refs (self, ab));
      break;
    case COLUMN_OWNER:
      cmp = compare_strings (rectify_action_get_owner (aa), rectify_action_get_owner (ab));
      break;
    case COLUMN_TARGET:
      cmp = compare_dates (rectify_action_get_target_on (aa), rectify_action_get_target_on (ab));
      break;
    case COLUMN_STATUS:
      cmp = (int)rectify_action_get_status (aa) - (int)rectify_action_get_status (ab);
      cmp = cmp < 0 ? -1 : cmp > 0;
      break;
    case COLUMN_DONE:
      cmp = compare_dates (rectify_action_get_done_on (aa), rectify_action_get_done_on (ab));
      break;
    default:
      g_assert_not_reached ();
    }

  /* Ties in reference order, so the order is stable. */
  if (cmp == 0)
    cmp = _rectify_natural_compare (rectify_action_get_ref (aa), rectify_action_get_ref (ab));

  return cmp;
}

static GtkColumnViewColumn *
add_columns (RectifyActionsPage *self)
{
  GtkColumnViewColumn *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const ColumnInfo *info = &columns[i];
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkCustomSorter *sorter;
      GtkListItemFactory *factory;

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "rectify-column", (gpointer)info);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

      sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
      g_object_set_data (G_OBJECT (sorter), "rectify-column", (gpointer)info);
      g_object_set_data (G_OBJECT (sorter), "rectify-page", self);
      gtk_custom_sorter_set_sort_func (sorter, compare_actions, sorter, NULL);

      column = gtk_column_view_column_new (_(info->title), factory);
      gtk_column_view_column_set_expand (column, info->expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, info->fixed_width);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_append_column (self->column_view, column);

      if (first == NULL)
        first = column;
    }

  return first;
}

static void
show_nc_popover (RectifyActionsPage *self,
                 RectifyAction      *action,
                 GtkWidget          *anchor)
{
  g_autoptr(GListModel) ncs = NULL;
  g_autofree char *title = NULL;
  graphene_rect_t bounds;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->nc_list))) != NULL)
    gtk_list_box_remove (self->nc_list, child);

  ncs = rectify_register_list_nonconformities_for (self->reg, action);
  n = g_list_model_get_n_items (ncs);

  if (n == 0)
    /* Translators: %s is an action's reference */
    title = g_strdup_printf (_("%s addresses no nonconformity yet"),
                             rectify_action_get_ref (action));
  else
    /* Translators: %s is an action's reference; a list of NCs follows */
    title = g_strdup_printf (_("Nonconformities addressed by %s"),
                             rectify_action_get_ref (action));
  gtk_label_set_text (self->nc_popover_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->nc_list), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);
      const char *nc_title = rectify_nonconformity_get_title (nc);
      GtkWidget *row;

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "use-markup", FALSE,
                          "title", rectify_nonconformity_get_ref (nc),
                          "subtitle", nc_title ? nc_title : "",
                          "subtitle-lines", 2,
                          "activatable", TRUE,
                          NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "rectify-nc", g_object_ref (nc), g_object_unref);
      gtk_list_box_append (self->nc_list, row);
    }

  /* Point at the NCs cell; a cell not allocated yet has no bounds: then at the whole page. */
  if (anchor != NULL && gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds) &&
      bounds.size.width > 0 && bounds.size.height > 0)
    gtk_popover_set_pointing_to (self->nc_popover,
                                 &(GdkRectangle) {
                                   (int)bounds.origin.x, (int)bounds.origin.y,
                                   (int)bounds.size.width, (int)bounds.size.height });
  else
    gtk_popover_set_pointing_to (self->nc_popover, NULL);

  gtk_popover_popup (self->nc_popover);
}

/* Callbacks */

static void
column_view_activate_cb (RectifyActionsPage *self,
                         guint               position)
{
  _rectify_actions_page_activate (self, position);
}

static void
nc_row_activated_cb (RectifyActionsPage *self,
                     GtkListBoxRow      *row)
{
  RectifyNonconformity *nc = g_object_get_data (G_OBJECT (row), "rectify-nc");

  if (nc == NULL)
    return;

  g_object_ref (nc);
  gtk_popover_popdown (self->nc_popover);
  g_signal_emit (self, signals[SHOW_NONCONFORMITY], 0, nc);
  g_object_unref (nc);
}

static void
clear_filters_clicked_cb (RectifyActionsPage *self)
{
  rectify_actions_page_clear_filters (self);
}

static void
filter_changed_cb (RectifyActionsPage *self)
{
  guint owner = gtk_drop_down_get_selected (self->owner_filter);

  g_clear_pointer (&self->owner, g_free);
  if (owner > 0 && owner != GTK_INVALID_LIST_POSITION)
    self->owner = g_strdup (gtk_string_list_get_string (self->owner_names, owner));
  self->status = (int)gtk_drop_down_get_selected (self->status_filter) - 1;
  self->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);

  refilter (self);
}

static void
actions_changed_cb (RectifyActionsPage *self,
                    guint               position,
                    guint               removed,
                    guint               added,
                    GListModel         *model)
{
  queue_rebuild_owners (self);
}

static void
filter_items_changed_cb (RectifyActionsPage *self)
{
  update_count (self);
}

static void
register_changed_cb (RectifyActionsPage *self,
                     RectifyEntity      *entity,
                     const char         *property,
                     RectifyRegister    *reg)
{
  /* Links changed, an NC's ref changed, or an NC came or went: the cached refs may be stale. */
  if (g_strcmp0 (property, "nonconformities") == 0 ||
      g_strcmp0 (property, "actions") == 0 ||
      (RECTIFY_IS_NONCONFORMITY (entity) && (property == NULL || g_str_equal (property, "ref"))) ||
      (RECTIFY_IS_ACTION (entity) && property == NULL))
    {
      /* An import or a move sends many of these at once: refill the cells once after them. */
      g_hash_table_remove_all (self->nc_refs);
      if (self->refresh_idle == 0)
        self->refresh_idle = g_idle_add (refresh_nc_cells, self);
    }
}

/* Vfuncs */

static void
rectify_actions_page_dispose (GObject *object)
{
  RectifyActionsPage *self = RECTIFY_ACTIONS_PAGE (object);
  GtkWidget *child;

  rectify_actions_page_set_register (self, NULL);
  g_clear_handle_id (&self->owners_idle, g_source_remove);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_ACTIONS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->owner_names);

  G_OBJECT_CLASS (rectify_actions_page_parent_class)->dispose (object);
}

static void
rectify_actions_page_finalize (GObject *object)
{
  RectifyActionsPage *self = RECTIFY_ACTIONS_PAGE (object);

  g_clear_pointer (&self->nc_refs, g_hash_table_unref);
  g_clear_pointer (&self->bound_cells, g_hash_table_unref);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (rectify_actions_page_parent_class)->finalize (object);
}

static void
rectify_actions_page_class_init (RectifyActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_actions_page_dispose;
  object_class->finalize = rectify_actions_page_finalize;

  signals[SHOW_NONCONFORMITY] =
    g_signal_new ("show-nonconformity",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RECTIFY_TYPE_NONCONFORMITY);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, nc_popover);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, nc_popover_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyActionsPage, nc_list);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, nc_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_clicked_cb);
}

static void
rectify_actions_page_init (RectifyActionsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkColumnViewColumn *ref_column;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->today = rectify_date_today ();
  self->status = -1;
  self->nc_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->bound_cells = g_hash_table_new (NULL, NULL);

  gtk_string_list_append (statuses, _("All Statuses"));
  for (int i = 0; i < RECTIFY_N_ACTION_STATUSES; i++)
    gtk_string_list_append (statuses, rectify_enum_to_label (RECTIFY_TYPE_ACTION_STATUS, i));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));

  self->owner_names = gtk_string_list_new ((const char * const []) { _("All Owners"), NULL });
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (self->owner_names));
  {
    /* the drop-down takes a reference of its own */
    g_autoptr(GtkExpression) expression =
      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->owner_filter, expression);
  }

  rectify_accessible_name_drop_down (self->owner_filter);
  rectify_accessible_name_drop_down (self->status_filter);

  g_signal_connect_object (self->owner_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_toggle, "notify::active",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  ref_column = add_columns (self);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, ref_column, GTK_SORT_ASCENDING);

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  update_count (self);
}

/* Public API */

GtkWidget *
rectify_actions_page_new (void)
{
  return g_object_new (RECTIFY_TYPE_ACTIONS_PAGE, NULL);
}

void
rectify_actions_page_set_register (RectifyActionsPage *self,
                                   RectifyRegister    *reg)
{
  g_return_if_fail (RECTIFY_IS_ACTIONS_PAGE (self));
  g_return_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg));

  if (self->reg == reg)
    return;

  if (self->reg != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->reg, self);
      g_signal_handlers_disconnect_by_data (rectify_register_get_actions (self->reg), self);
    }

  g_hash_table_remove_all (self->nc_refs);
  g_set_object (&self->reg, reg);

  if (reg != NULL)
    {
      g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (rectify_register_get_actions (reg), "items-changed",
                               G_CALLBACK (actions_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->filter_model != NULL)
    gtk_filter_list_model_set_model (self->filter_model,
                                     reg != NULL ? rectify_register_get_actions (reg) : NULL);

  if (self->owner_names != NULL)
    {
      g_clear_handle_id (&self->owners_idle, g_source_remove);
      rectify_actions_page_clear_filters (self);
      rebuild_owners (self);
      update_count (self);
    }
}

void
rectify_actions_page_clear_filters (RectifyActionsPage *self)
{
  g_return_if_fail (RECTIFY_IS_ACTIONS_PAGE (self));

  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
}

/* For tests */

GtkColumnView *
_rectify_actions_page_get_column_view (RectifyActionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTIONS_PAGE (self), NULL);
  return self->column_view;
}

GtkDropDown *
_rectify_actions_page_get_owner_filter (RectifyActionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTIONS_PAGE (self), NULL);
  return self->owner_filter;
}

GtkDropDown *
_rectify_actions_page_get_status_filter (RectifyActionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTIONS_PAGE (self), NULL);
  return self->status_filter;
}

GtkToggleButton *
_rectify_actions_page_get_overdue_toggle (RectifyActionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTIONS_PAGE (self), NULL);
  return self->overdue_toggle;
}

GtkLabel *
_rectify_actions_page_get_count_label (RectifyActionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTIONS_PAGE (self), NULL);
  return self->count_label;
}

const char *
_rectify_actions_page_get_nc_refs (RectifyActionsPage *self,
                                   RectifyAction      *action)
{
  g_return_val_if_fail (RECTIFY_IS_ACTIONS_PAGE (self), NULL);
  g_return_val_if_fail (RECTIFY_IS_ACTION (action), NULL);
  return get_nc_refs (self, action);
}

void
_rectify_actions_page_activate (RectifyActionsPage *self,
                                guint               position)
{
  g_autoptr(RectifyAction) action = NULL;
  GtkWidget *anchor = NULL;
  GHashTableIter iter;
  gpointer cell, list_item;

  g_return_if_fail (RECTIFY_IS_ACTIONS_PAGE (self));

  action = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (action == NULL || self->reg == NULL)
    return;

  /* Point at the row's NCs cell when it is on screen. */
  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &cell, &list_item))
    if (gtk_list_item_get_position (list_item) == position && gtk_widget_get_mapped (cell))
      anchor = cell;

  gtk_single_selection_set_selected (self->selection, position);
  show_nc_popover (self, action, anchor);
}

GtkPopover *
_rectify_actions_page_get_nc_popover (RectifyActionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTIONS_PAGE (self), NULL);
  return self->nc_popover;
}

GtkListBox *
_rectify_actions_page_get_nc_list (RectifyActionsPage *self)
{
  g_return_val_if_fail (RECTIFY_IS_ACTIONS_PAGE (self), NULL);
  return self->nc_list;
}
