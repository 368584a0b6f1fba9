/* rectify-five-whys.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-five-whys"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rectify-fishbone.h"
#include "rectify-fishbone-view.h"
#include "rectify-five-whys.h"

/* One chain: a top-level cause and its answers, depth first. */
typedef struct
{
  gint64  top_id;
  char   *category;
  GArray *whys;     /* gint64 cause ids, the top one first */
  GArray *depths;   /* int */
} Chain;

struct _RectifyFiveWhys
{
  GtkWidget             parent_instance;

  RectifyRegister      *reg;
  RectifyNonconformity *nc;
  GPtrArray            *chains;      /* Chain */
  GStrv                 categories;  /* untranslated, in bone order */

  GtkWidget            *scroller;
  GtkWidget            *box;         /* the chain groups */
  GtkWidget            *new_category;
  guint                 rebuild_id;
  gint64                focus_cause; /* to focus after a rebuild; -top id for a chain's new row */
};

G_DEFINE_FINAL_TYPE (RectifyFiveWhys, rectify_five_whys, GTK_TYPE_WIDGET)

enum {
  CAUSE_REMOVED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (RectifyFiveWhys *self);

static void
chain_free (gpointer data)
{
  Chain *chain = data;

  g_free (chain->category);
  g_array_unref (chain->whys);
  g_array_unref (chain->depths);
  g_free (chain);
}

static void
report_error (RectifyFiveWhys *self,
              const GError    *error)
{
  g_warning ("%s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
add_descendants (GListModel *causes,
                 gint64      parent_id,
                 int         depth,
                 Chain      *chain)
{
  guint n = g_list_model_get_n_items (causes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (cause));

      if (rectify_cause_get_parent_id (cause) != parent_id)
        continue;

      g_array_append_val (chain->whys, id);
      g_array_append_val (chain->depths, depth);
      add_descendants (causes, id, depth + 1, chain);
    }
}

static void
build_chains (RectifyFiveWhys *self)
{
  g_autoptr(GListModel) causes = NULL;
  guint n;

  g_ptr_array_set_size (self->chains, 0);
  g_clear_pointer (&self->categories, g_strfreev);
  if (self->reg == NULL || self->nc == NULL)
    return;

  causes = rectify_register_list_causes (self->reg, self->nc);
  self->categories = rectify_fishbone_categories_for_causes (causes);
  n = g_list_model_get_n_items (causes);

  /* Chains bone by bone, in the order of positions (the list is ordered by parent, position). */
  for (guint c = 0; self->categories[c] != NULL; c++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RectifyCause) cause = g_list_model_get_item (causes, i);
        const char *category = rectify_cause_get_category (cause);
        gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (cause));
        int depth = 0;
        Chain *chain;

        if (rectify_cause_get_parent_id (cause) != 0)
          continue;
        if (g_strcmp0 (category != NULL && *category != '\0' ? category : "Other",
                       self->categories[c]) != 0)
          continue;

        chain = g_new0 (Chain, 1);
        chain->top_id = id;
        chain->category = g_strdup (self->categories[c]);
        chain->whys = g_array_new (FALSE, FALSE, sizeof (gint64));
        chain->depths = g_array_new (FALSE, FALSE, sizeof (int));
        g_array_append_val (chain->whys, id);
        g_array_append_val (chain->depths, depth);
        add_descendants (causes, id, 1, chain);
        g_ptr_array_add (self->chains, chain);
      }
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  RectifyFiveWhys *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (RectifyFiveWhys *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

/* Writes ------------------------------------------------------------------------------------ */

static gint64
add_why (RectifyFiveWhys *self,
         Chain           *chain,
         const char      *text,
         GError         **error)
{
  g_autoptr(RectifyCause) last = NULL;
  g_autoptr(RectifyCause) cause = NULL;
  gint64 parent_id = g_array_index (chain->whys, gint64, chain->whys->len - 1);
  g_auto(GValue) no = G_VALUE_INIT;
  gboolean move_root;

  last = _rectify_cause_lookup (self->reg, self->nc, parent_id);
  if (last == NULL)
    {
      g_set_error (error, RECTIFY_REGISTER_ERROR, RECTIFY_REGISTER_ERROR_INVALID,
                   _("The cause no longer exists"));
      return 0;
    }

  /* The deepest answer is the root cause: a root mark on the last why moves to the new one. */
  move_root = rectify_cause_get_is_root (last);

  cause = rectify_cause_new ();
  g_object_set (cause,
                "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (self->nc)),
                "parent-id", parent_id,
                "category", rectify_cause_get_category (last),
                "text", text,
                "position", _rectify_cause_next_position (self->reg, self->nc, parent_id, NULL),
                "is-root", move_root,
                NULL);

  if (!rectify_register_begin (self->reg, error))
    return 0;
  g_value_init (&no, G_TYPE_BOOLEAN);
  if (!rectify_register_add (self->reg, RECTIFY_ENTITY (cause), error) ||
      (move_root &&
       !rectify_register_update (self->reg, RECTIFY_ENTITY (last), "is-root", &no, error)))
    {
      rectify_register_rollback (self->reg);
      return 0;
    }
  if (!rectify_register_commit (self->reg, error))
    return 0;

  return rectify_entity_get_id (RECTIFY_ENTITY (cause));
}

static void
set_is_root (RectifyFiveWhys *self,
             RectifyCause    *cause,
             gboolean         is_root)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (rectify_cause_get_is_root (cause) == is_root)
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, is_root);
  if (!rectify_register_update (self->reg, RECTIFY_ENTITY (cause), "is-root", &value, &error))
    report_error (self, error);
}

/* Swaps the answers of two whys of a chain (their text and root mark): the chain keeps its shape
 * and the fishbone shows the new order. One transaction. */
static void
swap_whys (RectifyFiveWhys *self,
           gint64           a_id,
           gint64           b_id)
{
  g_autoptr(RectifyCause) a = _rectify_cause_lookup (self->reg, self->nc, a_id);
  g_autoptr(RectifyCause) b = _rectify_cause_lookup (self->reg, self->nc, b_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  gboolean a_root, b_root;
  g_auto(GValue) value = G_VALUE_INIT;

  if (a == NULL || b == NULL)
    return;

  a_text = g_strdup (rectify_cause_get_text (a));
  b_text = g_strdup (rectify_cause_get_text (b));
  a_root = rectify_cause_get_is_root (a);
  b_root = rectify_cause_get_is_root (b);
  g_value_init (&value, G_TYPE_BOOLEAN);

  if (!rectify_register_begin (self->reg, &error))
    goto failed;
  if (!rectify_register_update_string (self->reg, RECTIFY_ENTITY (a), "text", b_text, &error) ||
      !rectify_register_update_string (self->reg, RECTIFY_ENTITY (b), "text", a_text, &error))
    goto rollback;
  if (a_root != b_root)
    {
      g_value_set_boolean (&value, b_root);
      if (!rectify_register_update (self->reg, RECTIFY_ENTITY (a), "is-root", &value, &error))
        goto rollback;
      g_value_set_boolean (&value, a_root);
      if (!rectify_register_update (self->reg, RECTIFY_ENTITY (b), "is-root", &value, &error))
        goto rollback;
    }
  if (!rectify_register_commit (self->reg, &error))
    goto failed;

  self->focus_cause = b_id;
  return;

rollback:
  rectify_register_rollback (self->reg);
failed:
  report_error (self, error);
}

/* Callbacks --------------------------------------------------------------------------------- */

static Chain *
chain_of_widget (RectifyFiveWhys *self,
                 GtkWidget       *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "chain"));

  if (index >= self->chains->len)
    return NULL;

  return g_ptr_array_index (self->chains, index);
}

static gint64
cause_of_widget (GtkWidget *widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "cause-id");

  return id != NULL ? *id : 0;
}

static void
set_cause_of_widget (GtkWidget *widget,
                     gint64     id)
{
  g_object_set_data_full (G_OBJECT (widget), "cause-id", g_memdup2 (&id, sizeof id), g_free);
}

static void
why_apply_cb (RectifyFiveWhys *self,
              AdwEntryRow     *row)
{
  g_autoptr(RectifyCause) cause = _rectify_cause_lookup (self->reg, self->nc,
                                                         cause_of_widget (GTK_WIDGET (row)));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (cause == NULL || *text == '\0' || g_strcmp0 (text, rectify_cause_get_text (cause)) == 0)
    return;

  if (!rectify_register_update_string (self->reg, RECTIFY_ENTITY (cause), "text", text, &error))
    report_error (self, error);
}

static void
new_why_apply_cb (RectifyFiveWhys *self,
                  AdwEntryRow     *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  Chain *chain = chain_of_widget (self, GTK_WIDGET (row));

  if (chain == NULL || *text == '\0' || g_object_get_data (G_OBJECT (row), "done") != NULL)
    return;

  g_object_set_data (G_OBJECT (row), "done", GINT_TO_POINTER (1));
  self->focus_cause = -chain->top_id;
  if (add_why (self, chain, text, &error) == 0)
    {
      g_object_set_data (G_OBJECT (row), "done", NULL);
      report_error (self, error);
    }
}

static void
new_chain_apply_cb (RectifyFiveWhys *self,
                    AdwEntryRow     *row)
{
  g_autoptr(RectifyCause) cause = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->new_category));
  const char *category;

  if (self->categories == NULL || *text == '\0' ||
      selected >= g_strv_length (self->categories) ||
      g_object_get_data (G_OBJECT (row), "done") != NULL)
    return;

  category = self->categories[selected];
  cause = rectify_cause_new ();
  g_object_set (cause,
                "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (self->nc)),
                "category", category,
                "text", text,
                "position", _rectify_cause_next_position (self->reg, self->nc, 0, category),
                NULL);

  g_object_set_data (G_OBJECT (row), "done", GINT_TO_POINTER (1));
  if (!rectify_register_add (self->reg, RECTIFY_ENTITY (cause), &error))
    {
      g_object_set_data (G_OBJECT (row), "done", NULL);
      report_error (self, error);
      return;
    }
  self->focus_cause = -rectify_entity_get_id (RECTIFY_ENTITY (cause));
}

static void
root_toggled_cb (RectifyFiveWhys *self,
                 GtkToggleButton *button)
{
  g_autoptr(RectifyCause) cause = _rectify_cause_lookup (self->reg, self->nc,
                                                         cause_of_widget (GTK_WIDGET (button)));

  if (gtk_toggle_button_get_active (button))
    gtk_widget_add_css_class (GTK_WIDGET (button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "suggested-action");

  if (cause != NULL)
    set_is_root (self, cause, gtk_toggle_button_get_active (button));
}

static void
move_clicked_cb (RectifyFiveWhys *self,
                 GtkButton       *button)
{
  Chain *chain = chain_of_widget (self, GTK_WIDGET (button));
  gint64 id = cause_of_widget (GTK_WIDGET (button));
  int dir = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "dir"));

  if (chain == NULL)
    return;

  for (guint i = 0; i < chain->whys->len; i++)
    if (g_array_index (chain->whys, gint64, i) == id)
      {
        int other = (int) i + dir;

        if (other >= 0 && other < (int) chain->whys->len)
          swap_whys (self, id, g_array_index (chain->whys, gint64, other));
        return;
      }
}

static void
remove_clicked_cb (RectifyFiveWhys *self,
                   GtkButton       *button)
{
  g_autoptr(RectifyCause) cause = _rectify_cause_lookup (self->reg, self->nc,
                                                         cause_of_widget (GTK_WIDGET (button)));
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  if (cause == NULL)
    return;

  snapshot = _rectify_cause_tree_remove (self->reg, cause, &error);
  if (snapshot == NULL)
    report_error (self, error);
  else
    g_signal_emit (self, signals[CAUSE_REMOVED], 0, snapshot);
}

static void
register_changed_cb (RectifyFiveWhys *self,
                     RectifyEntity   *entity,
                     const char      *property)
{
  if (self->nc != NULL && RECTIFY_IS_CAUSE (entity) &&
      rectify_cause_get_nc_id (RECTIFY_CAUSE (entity)) ==
        rectify_entity_get_id (RECTIFY_ENTITY (self->nc)))
    queue_rebuild (self);
}

/* Building the groups ----------------------------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static GtkWidget *
build_why_row (RectifyFiveWhys *self,
               guint            chain_index,
               Chain           *chain,
               guint            i)
{
  gint64 id = g_array_index (chain->whys, gint64, i);
  int depth = g_array_index (chain->depths, int, i);
  g_autoptr(RectifyCause) cause = _rectify_cause_lookup (self->reg, self->nc, id);
  g_autofree char *title = NULL;
  GtkWidget *row, *toggle, *up, *down, *remove;

  row = adw_entry_row_new ();
  /* Translators: the number of an answer in a 5 Whys chain */
  title = g_strdup_printf (_("Why %d"), depth + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row),
                         cause != NULL && rectify_cause_get_text (cause) != NULL
                           ? rectify_cause_get_text (cause) : "");
  set_cause_of_widget (row, id);
  g_signal_connect_swapped (row, "apply", G_CALLBACK (why_apply_cb), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (why_apply_cb), self);

  toggle = gtk_toggle_button_new_with_label (_("Root Cause"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, _("Mark as a root cause"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                cause != NULL && rectify_cause_get_is_root (cause));
  if (cause != NULL && rectify_cause_get_is_root (cause))
    gtk_widget_add_css_class (toggle, "suggested-action");
  set_cause_of_widget (toggle, id);
  g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (root_toggled_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), toggle);

  up = icon_button ("go-up-symbolic", _("Move Up"));
  down = icon_button ("go-down-symbolic", _("Move Down"));
  remove = icon_button ("user-trash-symbolic", _("Remove Why"));
  gtk_widget_set_sensitive (up, i > 0);
  gtk_widget_set_sensitive (down, i + 1 < chain->whys->len);
  g_object_set_data (G_OBJECT (up), "dir", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "dir", GINT_TO_POINTER (1));
  for (GtkWidget *b = up; b != NULL; b = b == up ? down : b == down ? remove : NULL)
    {
      set_cause_of_widget (b, id);
      g_object_set_data (G_OBJECT (b), "chain", GUINT_TO_POINTER (chain_index));
    }
  g_signal_connect_swapped (up, "clicked", G_CALLBACK (move_clicked_cb), self);
  g_signal_connect_swapped (down, "clicked", G_CALLBACK (move_clicked_cb), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), down);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  /* A register open for reading only: the answers can be read (and copied), not changed */
  if (rectify_register_is_read_only (self->reg))
    {
      gtk_editable_set_editable (GTK_EDITABLE (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
      gtk_widget_set_sensitive (toggle, FALSE);
      gtk_widget_set_sensitive (up, FALSE);
      gtk_widget_set_sensitive (down, FALSE);
      gtk_widget_set_sensitive (remove, FALSE);
    }

  return row;
}

static void
rebuild (RectifyFiveWhys *self)
{
  g_autoptr(GtkStringList) labels = NULL;
  GtkWidget *child, *group, *row, *focus = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  self->new_category = NULL;

  build_chains (self);
  if (self->nc == NULL)
    return;

  for (guint c = 0; c < self->chains->len; c++)
    {
      Chain *chain = g_ptr_array_index (self->chains, c);
      g_autofree char *title = NULL;
      g_autofree char *new_title = NULL;
      g_autofree char *escaped = NULL;
      int last_depth = g_array_index (chain->depths, int, chain->whys->len - 1);

      group = adw_preferences_group_new ();
      /* Translators: a 5 Whys chain: its number and its fishbone bone */
      title = g_strdup_printf (_("Chain %u · %s"), c + 1,
                               rectify_fishbone_category_label (chain->category));
      escaped = g_markup_escape_text (title, -1);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);

      for (guint i = 0; i < chain->whys->len; i++)
        {
          row = build_why_row (self, c, chain, i);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          if (self->focus_cause > 0 && self->focus_cause == g_array_index (chain->whys, gint64, i))
            focus = row;
        }

      /* The next why of the chain: typing an answer and pressing Enter adds it. */
      if (rectify_register_is_read_only (self->reg))
        {
          gtk_box_append (GTK_BOX (self->box), group);
          continue;
        }
      row = adw_entry_row_new ();
      new_title = g_strdup_printf (_("Why %d"), last_depth + 2);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), new_title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "new-why");
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_widget_set_tooltip_text (row, _("Type the answer to “why?” and press Enter to add it"));
      g_object_set_data (G_OBJECT (row), "chain", GUINT_TO_POINTER (c));
      g_signal_connect_swapped (row, "apply", G_CALLBACK (new_why_apply_cb), self);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (new_why_apply_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      if (self->focus_cause < 0 && -self->focus_cause == chain->top_id)
        focus = row;

      gtk_box_append (GTK_BOX (self->box), group);
    }

  /* A new chain: a bone and its first why (not in a register open for reading only). */
  if (rectify_register_is_read_only (self->reg))
    {
      if (focus != NULL)
        gtk_widget_grab_focus (focus);
      self->focus_cause = 0;
      return;
    }
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Chain"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Start with the problem’s first “why?” on a bone of "
                                           "the fishbone"));
  labels = gtk_string_list_new (NULL);
  for (guint i = 0; self->categories != NULL && self->categories[i] != NULL; i++)
    gtk_string_list_append (labels, rectify_fishbone_category_label (self->categories[i]));
  self->new_category = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_category), _("Bone"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->new_category), G_LIST_MODEL (labels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->new_category);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Why 1"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "apply", G_CALLBACK (new_chain_apply_cb), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (new_chain_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (self->box), group);

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->focus_cause = 0;
}

/* Vfuncs ------------------------------------------------------------------------------------ */

static void
rectify_five_whys_dispose (GObject *object)
{
  RectifyFiveWhys *self = RECTIFY_FIVE_WHYS (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_data (self->reg, self);
  g_clear_object (&self->reg);
  g_clear_object (&self->nc);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (rectify_five_whys_parent_class)->dispose (object);
}

static void
rectify_five_whys_finalize (GObject *object)
{
  RectifyFiveWhys *self = RECTIFY_FIVE_WHYS (object);

  g_clear_pointer (&self->chains, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_strfreev);

  G_OBJECT_CLASS (rectify_five_whys_parent_class)->finalize (object);
}

static void
rectify_five_whys_class_init (RectifyFiveWhysClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_five_whys_dispose;
  object_class->finalize = rectify_five_whys_finalize;

  signals[CAUSE_REMOVED] =
    g_signal_new ("cause-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fivewhys");
}

static void
rectify_five_whys_init (RectifyFiveWhys *self)
{
  GtkWidget *clamp;

  self->chains = g_ptr_array_new_with_free_func (chain_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->box, 24);
  gtk_widget_set_margin_bottom (self->box, 24);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/* Public API -------------------------------------------------------------------------------- */

GtkWidget *
rectify_five_whys_new (void)
{
  return g_object_new (RECTIFY_TYPE_FIVE_WHYS, NULL);
}

void
rectify_five_whys_set_nonconformity (RectifyFiveWhys      *self,
                                     RectifyRegister      *reg,
                                     RectifyNonconformity *nc)
{
  g_return_if_fail (RECTIFY_IS_FIVE_WHYS (self));
  g_return_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg));
  g_return_if_fail (nc == NULL || RECTIFY_IS_NONCONFORMITY (nc));

  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_data (self->reg, self);

  g_set_object (&self->reg, reg);
  g_set_object (&self->nc, nc);

  if (self->reg != NULL)
    g_signal_connect_object (self->reg, "changed", G_CALLBACK (register_changed_cb), self,
                             G_CONNECT_SWAPPED);

  rebuild (self);
}

guint
_rectify_five_whys_get_n_chains (RectifyFiveWhys *self)
{
  g_return_val_if_fail (RECTIFY_IS_FIVE_WHYS (self), 0);

  if (self->rebuild_id != 0)
    rebuild (self);

  return self->chains->len;
}

guint
_rectify_five_whys_get_n_whys (RectifyFiveWhys *self,
                               guint            chain)
{
  g_return_val_if_fail (RECTIFY_IS_FIVE_WHYS (self), 0);

  if (self->rebuild_id != 0)
    rebuild (self);
  g_return_val_if_fail (chain < self->chains->len, 0);

  return ((Chain *) g_ptr_array_index (self->chains, chain))->whys->len;
}

gint64
_rectify_five_whys_add_why (RectifyFiveWhys  *self,
                            guint             chain,
                            const char       *text,
                            GError          **error)
{
  g_return_val_if_fail (RECTIFY_IS_FIVE_WHYS (self), 0);

  if (self->rebuild_id != 0)
    rebuild (self);
  g_return_val_if_fail (chain < self->chains->len, 0);

  return add_why (self, g_ptr_array_index (self->chains, chain), text, error);
}

void
_rectify_five_whys_move_why (RectifyFiveWhys *self,
                             guint            chain,
                             guint            index,
                             int              dir)
{
  Chain *c;
  int other;

  g_return_if_fail (RECTIFY_IS_FIVE_WHYS (self));

  if (self->rebuild_id != 0)
    rebuild (self);
  g_return_if_fail (chain < self->chains->len);

  c = g_ptr_array_index (self->chains, chain);
  other = (int) index + dir;
  g_return_if_fail (index < c->whys->len && other >= 0 && other < (int) c->whys->len);

  swap_whys (self, g_array_index (c->whys, gint64, index), g_array_index (c->whys, gint64, other));
}
