/* rectify-analysis-window.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-analysis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-analysis-window.h"
#include "rectify-categories.h"
#include "rectify-fishbone-view.h"
#include "rectify-five-whys.h"

/* The open analysis windows of a register, by NC id, kept on the register. */
#define WINDOWS_KEY "rectify-analysis-windows"

struct _RectifyAnalysisWindow
{
  AdwWindow             parent_instance;

  RectifyRegister      *reg;
  RectifyNonconformity *nc;
  GPtrArray            *removed;   /* the last removal, for undo; NULL when none */
  gboolean              syncing;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  AdwFlap              *flap;
  GtkScrolledWindow    *scroller;
  RectifyFishboneView  *view;
  GtkListBox           *outline;
  RectifyFiveWhys      *five_whys;
  GtkToggleButton      *root_button;
  GtkButton            *zoom_button;
  GtkMenuButton        *categories_button;

  /* The categories popover, built when it first opens */
  GtkPopover           *categories_popover;
  GtkListBox           *categories_list;
  GtkEntry             *new_category_entry;
  GtkLabel             *categories_message;
};

G_DEFINE_FINAL_TYPE (RectifyAnalysisWindow, rectify_analysis_window, ADW_TYPE_WINDOW)

/* Helpers ----------------------------------------------------------------------------------- */

static void
show_toast (RectifyAnalysisWindow *self,
            const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
update_title (RectifyAnalysisWindow *self)
{
  const char *ref = rectify_nonconformity_get_ref (self->nc);
  const char *title = rectify_nonconformity_get_title (self->nc);
  g_autofree char *window_title = NULL;

  /* Translators: the title of the analysis window; %s is an NC reference */
  window_title = g_strdup_printf (_("Root Cause Analysis of %s"), ref);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  adw_view_switcher_title_set_title (self->switcher_title, ref);
  adw_view_switcher_title_set_subtitle (self->switcher_title, title != NULL ? title : "");
}

static RectifyCause *
lookup_selected (RectifyAnalysisWindow *self)
{
  return _rectify_cause_lookup (self->reg, self->nc,
                                rectify_fishbone_view_get_selected_cause (self->view));
}

static void
update_actions (RectifyAnalysisWindow *self)
{
  g_autoptr(RectifyCause) cause = lookup_selected (self);
  /* A register open for reading only: the analysis is shown, zoomed and exported only */
  gboolean can_change = self->reg != NULL && !rectify_register_is_read_only (self->reg);
  gboolean has_cause = cause != NULL && can_change;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.add-cause", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.add-cause-to", can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.add-why", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.edit", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.remove", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.toggle-root", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.move-cause", has_cause);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.undo-removal",
                                 self->removed != NULL && can_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "analysis.undo", can_change);
  gtk_widget_set_sensitive (GTK_WIDGET (self->categories_button), can_change);

  self->syncing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->root_button), has_cause);
  gtk_toggle_button_set_active (self->root_button,
                                cause != NULL && rectify_cause_get_is_root (cause));
  self->syncing = FALSE;
}

/* The outline: bones and their causes, the same selection as the diagram. */

static GtkWidget *
outline_bone_row (RectifyAnalysisWindow *self,
                  RectifyFishboneLayout *layout,
                  guint                  category)
{
  const char *name = rectify_fishbone_layout_get_category (layout, category);
  const char *label = rectify_fishbone_category_label (name);
  g_autofree char *add_label = NULL;
  GtkWidget *row, *box, *title, *add;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  title = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (add, "flat");
  /* Translators: %s is a fishbone bone (category), such as People */
  add_label = g_strdup_printf (_("Add a cause to %s"), label);
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "analysis.add-cause-to");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", name);
  gtk_box_append (GTK_BOX (box), add);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_margin_top (row, category > 0 ? 6 : 0);
  g_object_set_data (G_OBJECT (row), "category", GINT_TO_POINTER (category + 1));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1,
                                  -1);
  return row;
}

static GtkWidget *
outline_cause_row (RectifyAnalysisWindow *self,
                   RectifyFishboneLayout *layout,
                   RectifyCause          *cause)
{
  gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (cause));
  int depth = rectify_fishbone_layout_get_cause_depth (layout, id);
  const char *text = rectify_cause_get_text (cause);
  gboolean is_root = rectify_cause_get_is_root (cause);
  g_autofree char *accessible = NULL;
  GtkWidget *row, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 12 + 16 * MAX (depth, 0));
  if (depth > 0)
    {
      GtkWidget *arrow = gtk_label_new ("↳");

      gtk_widget_set_valign (arrow, GTK_ALIGN_BASELINE);
      gtk_box_append (GTK_BOX (box), arrow);
    }

  label = gtk_label_new (text != NULL && *text != '\0' ? text : _("(no text)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (is_root)
    {
      GtkWidget *mark = gtk_label_new (_("Root"));

      gtk_widget_set_valign (mark, GTK_ALIGN_BASELINE);
      gtk_widget_add_css_class (mark, "root-cause-mark");
      gtk_widget_add_css_class (mark, "caption-heading");
      gtk_widget_add_css_class (mark, "accent");
      gtk_box_append (GTK_BOX (box), mark);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cause-id", g_memdup2 (&id, sizeof id), g_free);

  if (is_root)
    /* Translators: an outline row: a cause's text, marked as a root cause */
    accessible = g_strdup_printf (_("%s, root cause"), text != NULL ? text : "");
  else
    accessible = g_strdup (text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2 + MAX (depth, 0),
                                  -1);
  return row;
}

static void
sync_outline_selection (RectifyAnalysisWindow *self)
{
  gint64 selected = rectify_fishbone_view_get_selected_cause (self->view);
  int category = rectify_fishbone_view_get_selected_category (self->view);
  GtkListBoxRow *match = NULL;

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->outline, i);
      gint64 *id;

      if (row == NULL)
        break;

      id = g_object_get_data (G_OBJECT (row), "cause-id");
      if (selected != 0 ? (id != NULL && *id == selected)
                        : (id == NULL &&
                           GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "category")) ==
                             category + 1))
        {
          match = row;
          break;
        }
    }

  self->syncing = TRUE;
  if (match != NULL)
    gtk_list_box_select_row (self->outline, match);
  else
    gtk_list_box_unselect_all (self->outline);
  self->syncing = FALSE;
}

static void
rebuild_outline (RectifyAnalysisWindow *self)
{
  RectifyFishboneLayout *layout = rectify_fishbone_view_get_layout (self->view);
  g_autoptr(GListModel) causes = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GtkWidget *child;
  guint n_cat, n_causes, n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline))) != NULL)
    gtk_list_box_remove (self->outline, child);

  if (layout == NULL)
    return;

  causes = rectify_register_list_causes (self->reg, self->nc);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  n = g_list_model_get_n_items (causes);
  for (guint i = 0; i < n; i++)
    {
      RectifyCause *cause = g_list_model_get_item (causes, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (cause));

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), cause);
    }

  n_cat = rectify_fishbone_layout_get_n_categories (layout);
  n_causes = rectify_fishbone_layout_get_n_causes (layout);
  for (guint c = 0; c < n_cat; c++)
    {
      gtk_list_box_append (self->outline, outline_bone_row (self, layout, c));
      for (guint i = 0; i < n_causes; i++)
        {
          gint64 id = rectify_fishbone_layout_get_cause_id (layout, i);
          RectifyCause *cause = g_hash_table_lookup (by_id, &id);

          if (cause != NULL && rectify_fishbone_layout_get_cause_category (layout, id) == (int) c)
            gtk_list_box_append (self->outline, outline_cause_row (self, layout, cause));
        }
    }

  sync_outline_selection (self);
}

/* The categories popover: rename in place, remove, add. Refusals of the core show under the
 * list and in a toast. */

static void
show_categories_message (RectifyAnalysisWindow *self,
                         const char            *message)
{
  if (self->categories_message != NULL)
    {
      gtk_label_set_text (self->categories_message, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->categories_message), message != NULL);
    }
  if (message != NULL)
    show_toast (self, message);
}

static void
category_renamed_cb (GtkEntry              *entry,
                     RectifyAnalysisWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (entry), "category");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  if (name == NULL || g_strcmp0 (text, rectify_fishbone_category_label (name)) == 0)
    return;

  if (!rectify_categories_rename (self->reg, self->nc, name, text, &error))
    show_categories_message (self, error->message);
  else
    show_categories_message (self, NULL);
}

static void
category_remove_clicked_cb (GtkButton             *button,
                            RectifyAnalysisWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "category");
  g_autoptr(GError) error = NULL;

  if (name == NULL)
    return;

  if (!rectify_categories_remove (self->reg, self->nc, name, &error))
    show_categories_message (self, error->message);
  else
    show_categories_message (self, NULL);
}

static void
add_category_cb (RectifyAnalysisWindow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_category_entry)));
  g_autoptr(GError) error = NULL;

  if (!rectify_categories_add (self->reg, self->nc, text, &error))
    {
      show_categories_message (self, error->message);
      return;
    }

  show_categories_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_category_entry), "");
}

static GtkWidget *
category_row (RectifyAnalysisWindow *self,
              const char            *name)
{
  const char *label = rectify_fishbone_category_label (name);
  g_autofree char *entry_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row, *box, *entry, *remove;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), label);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), RECTIFY_CATEGORY_MAX_LENGTH);
  g_object_set_data_full (G_OBJECT (entry), "category", g_strdup (name), g_free);
  /* Translators: the accessible name of the entry that renames a fishbone category */
  entry_label = g_strdup_printf (_("Name of the category “%s”"), label);
  gtk_widget_set_tooltip_text (entry, _("Type a new name and press Enter to rename"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label,
                                  -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (category_renamed_cb), self, 0);
  gtk_box_append (GTK_BOX (box), entry);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "category", g_strdup (name), g_free);
  /* Translators: %s is a fishbone category, such as People */
  remove_label = g_strdup_printf (_("Remove the category “%s”"), label);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (category_remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), remove);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "category", g_strdup (name), g_free);

  return row;
}

static void
rebuild_categories (RectifyAnalysisWindow *self)
{
  g_auto(GStrv) categories = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_list))) != NULL)
    gtk_list_box_remove (self->categories_list, child);

  if (self->reg == NULL || self->nc == NULL)
    return;

  categories = rectify_categories_get_for_nc (self->reg, self->nc);
  for (guint i = 0; categories[i] != NULL; i++)
    gtk_list_box_append (self->categories_list, category_row (self, categories[i]));
}

/* Builds the popover on the first click: a popover exists only once it is used. */
static void
create_categories_popover (GtkMenuButton *button,
                           gpointer       user_data)
{
  RectifyAnalysisWindow *self = user_data;
  GtkWidget *box, *heading, *add_box, *add;

  if (self->categories_popover != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (box, 320, -1);

  heading = gtk_label_new (_("Categories of This Diagram"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  self->categories_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->categories_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->categories_list), "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->categories_list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->categories_list));

  add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->new_category_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->new_category_entry), TRUE);
  gtk_entry_set_max_length (self->new_category_entry, RECTIFY_CATEGORY_MAX_LENGTH);
  gtk_entry_set_placeholder_text (self->new_category_entry, _("New category"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_category_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Category Name"),
                                  -1);
  g_signal_connect_object (self->new_category_entry, "activate", G_CALLBACK (add_category_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->new_category_entry));

  add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_tooltip_text (add, _("Add a category to this diagram"));
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_category_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (add_box), add);
  gtk_box_append (GTK_BOX (box), add_box);

  self->categories_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->categories_message), FALSE);
  gtk_label_set_xalign (self->categories_message, 0);
  gtk_label_set_wrap (self->categories_message, TRUE);
  gtk_label_set_max_width_chars (self->categories_message, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->categories_message), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->categories_message));

  self->categories_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->categories_popover, box);
  g_signal_connect_object (self->categories_popover, "show", G_CALLBACK (rebuild_categories),
                           self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->categories_popover));
}

/* Callbacks --------------------------------------------------------------------------------- */

static void
view_layout_changed_cb (RectifyAnalysisWindow *self)
{
  rebuild_outline (self);
  /* The popover's rows are built when it opens */
  if (self->categories_popover != NULL &&
      gtk_widget_get_visible (GTK_WIDGET (self->categories_popover)))
    rebuild_categories (self);
  update_actions (self);
}

/* The categories of the NC changed (its own list, or the register's default set while it has
 * none): the view is laid out again, keeping its selection. */
static void
register_info_changed_cb (RectifyAnalysisWindow *self,
                          const char            *key)
{
  g_autofree char *own_key = NULL;
  gint64 selected;
  int category;

  if (!g_str_has_prefix (key, RECTIFY_CATEGORIES_KEY))
    return;

  own_key = rectify_categories_nc_key (self->nc);
  if (!g_str_equal (key, own_key) &&
      !(g_str_equal (key, RECTIFY_CATEGORIES_KEY) &&
        !rectify_categories_nc_has_own (self->reg, self->nc)))
    return;

  selected = rectify_fishbone_view_get_selected_cause (self->view);
  category = rectify_fishbone_view_get_selected_category (self->view);
  rectify_fishbone_view_set_nonconformity (self->view, self->reg, self->nc);
  if (selected != 0)
    rectify_fishbone_view_select_cause (self->view, selected);
  else if (category >= 0)
    rectify_fishbone_view_select_category (self->view, category);
}

static void
view_selection_changed_cb (RectifyAnalysisWindow *self)
{
  sync_outline_selection (self);
  update_actions (self);
}

static void
outline_row_selected_cb (RectifyAnalysisWindow *self,
                         GtkListBoxRow         *row)
{
  gint64 *id;

  if (self->syncing || row == NULL)
    return;

  id = g_object_get_data (G_OBJECT (row), "cause-id");
  if (id != NULL)
    rectify_fishbone_view_select_cause (self->view, *id);
  else
    rectify_fishbone_view_select_category (
      self->view, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "category")) - 1);
}

static void
outline_row_activated_cb (RectifyAnalysisWindow *self,
                          GtkListBoxRow         *row)
{
  if (g_object_get_data (G_OBJECT (row), "cause-id") != NULL)
    rectify_fishbone_view_edit_selected (self->view);
}

static void
root_toggled_cb (RectifyAnalysisWindow *self)
{
  g_autoptr(RectifyCause) cause = NULL;

  if (self->syncing)
    return;

  cause = lookup_selected (self);
  if (cause != NULL &&
      rectify_cause_get_is_root (cause) != gtk_toggle_button_get_active (self->root_button))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "fishbone.toggle-root", NULL);
  update_actions (self);
}

static void
cause_removed_cb (RectifyAnalysisWindow *self,
                  GPtrArray             *removed)
{
  AdwToast *toast;
  RectifyCause *first = g_ptr_array_index (removed, 0);
  const char *text = rectify_cause_get_text (first);
  g_autofree char *title = NULL;

  g_clear_pointer (&self->removed, g_ptr_array_unref);
  self->removed = g_ptr_array_ref (removed);

  if (removed->len > 1)
    /* Translators: %s is the text of a cause */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "“%s” and %u sub-cause removed",
                                          "“%s” and %u sub-causes removed",
                                          removed->len - 1),
                             text != NULL ? text : "", removed->len - 1);
  else
    title = g_strdup_printf (_("“%s” removed"), text != NULL ? text : "");

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "analysis.undo-removal");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  update_actions (self);
}

static void
error_cb (RectifyAnalysisWindow *self,
          const char            *message)
{
  /* Translators: %s is an error message */
  g_autofree char *text = g_strdup_printf (_("Could not save the change: %s"), message);

  show_toast (self, text);
}

static void
zoom_changed_cb (RectifyAnalysisWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%d %%",
                                            (int) round (rectify_fishbone_view_get_zoom (self->view) * 100));

  gtk_button_set_label (self->zoom_button, label);
}

static void
register_changed_cb (RectifyAnalysisWindow *self,
                     RectifyEntity         *entity,
                     const char            *property)
{
  if (entity == RECTIFY_ENTITY (self->nc))
    {
      if (property == NULL &&
          rectify_register_lookup_nonconformity (self->reg,
                                                 rectify_entity_get_id (entity)) == NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      else if (property != NULL &&
               (g_str_equal (property, "ref") || g_str_equal (property, "title")))
        update_title (self);
      return;
    }

  /* A later change to a cause: the toast's undo now belongs to the register. */
  if (property != NULL && RECTIFY_IS_CAUSE (entity) &&
      rectify_cause_get_nc_id (RECTIFY_CAUSE (entity)) == rectify_entity_get_id (RECTIFY_ENTITY (self->nc)))
    {
      g_clear_pointer (&self->removed, g_ptr_array_unref);
      update_actions (self);
    }
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(RectifyAnalysisWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  basename = g_path_get_basename (path);
  if (!_rectify_analysis_window_export_to (self, path, &error))
    {
      g_warning ("Exporting the diagram to %s failed: %s", path, error->message);
      /* Translators: %s is an error message */
      message = g_strdup_printf (_("Could not export the diagram: %s"), error->message);
    }
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Diagram exported to “%s”"), basename);

  show_toast (self, message);

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Actions ----------------------------------------------------------------------------------- */

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RectifyAnalysisWindow *self = RECTIFY_ANALYSIS_WINDOW (widget);
  g_autofree char *name = g_strconcat ("fishbone.", action_name + strlen ("analysis."), NULL);

  /* Editing happens in the diagram: show it. */
  adw_view_stack_set_visible_child_name (self->stack, "fishbone");
  gtk_widget_activate_action_variant (GTK_WIDGET (self->view), name, param);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RectifyAnalysisWindow *self = RECTIFY_ANALYSIS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Export Diagram"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (all, _("Images and documents (PNG, SVG, PDF)"));
  gtk_file_filter_add_suffix (all, "png");
  gtk_file_filter_add_suffix (all, "svg");
  gtk_file_filter_add_suffix (all, "pdf");
  gtk_file_filter_set_name (png, _("PNG image"));
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG image"));
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_filter_set_name (pdf, _("PDF document"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), svg);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), pdf);

  /* Translators: the suggested file name of an exported diagram; %s is an NC reference */
  name = g_strdup_printf (_("%s fishbone.png"), rectify_nonconformity_get_ref (self->nc));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
undo_removal_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _rectify_analysis_window_undo_removal (RECTIFY_ANALYSIS_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RectifyAnalysisWindow *self = RECTIFY_ANALYSIS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->removed != NULL)
    _rectify_analysis_window_undo_removal (self);
  else if (rectify_register_can_undo (self->reg) && !rectify_register_undo (self->reg, &error))
    error_cb (self, error->message);
}

/* Vfuncs ------------------------------------------------------------------------------------ */

static void
rectify_analysis_window_dispose (GObject *object)
{
  RectifyAnalysisWindow *self = RECTIFY_ANALYSIS_WINDOW (object);

  if (self->reg != NULL)
    {
      GHashTable *windows = g_object_get_data (G_OBJECT (self->reg), WINDOWS_KEY);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (self->nc));

      if (windows != NULL && g_hash_table_lookup (windows, &id) == self)
        g_hash_table_remove (windows, &id);
      g_signal_handlers_disconnect_by_data (self->reg, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_ANALYSIS_WINDOW);

  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_object (&self->nc);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_analysis_window_parent_class)->dispose (object);
}

static void
rectify_analysis_window_class_init (RectifyAnalysisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_analysis_window_dispose;

  g_type_ensure (RECTIFY_TYPE_FISHBONE_VIEW);
  g_type_ensure (RECTIFY_TYPE_FIVE_WHYS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-analysis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, view);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, five_whys);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, root_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyAnalysisWindow, categories_button);

  gtk_widget_class_install_action (widget_class, "analysis.add-cause", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.add-cause-to", "s", forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.add-why", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.edit", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.remove", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.toggle-root", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.move-cause", "i", forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.zoom-in", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.zoom-out", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.zoom-reset", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.zoom-fit", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "analysis.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "analysis.undo-removal", NULL, undo_removal_action);
  gtk_widget_class_install_action (widget_class, "analysis.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "analysis.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "analysis.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
rectify_analysis_window_init (RectifyAnalysisWindow *self)
{
  GtkEventController *shortcuts;
  static const struct { guint key; GdkModifierType mods; const char *action; int move; } keys[] = {
    { GDK_KEY_Delete, 0, "analysis.remove", 0 },
    { GDK_KEY_r, 0, "analysis.toggle-root", 0 },
    { GDK_KEY_w, 0, "analysis.add-why", 0 },
    { GDK_KEY_a, 0, "analysis.add-cause", 0 },
    { GDK_KEY_Insert, 0, "analysis.add-cause", 0 },
    { GDK_KEY_F2, 0, "analysis.edit", 0 },
    { GDK_KEY_Up, GDK_ALT_MASK, "analysis.move-cause", -1 },
    { GDK_KEY_Down, GDK_ALT_MASK, "analysis.move-cause", 1 },
    { GDK_KEY_Left, GDK_ALT_MASK, "analysis.move-cause", -2 },
    { GDK_KEY_Right, GDK_ALT_MASK, "analysis.move-cause", 2 },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The outline offers the diagram's keys too. */
  shortcuts = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                                                gtk_named_action_new (keys[i].action));

      if (keys[i].move != 0)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (keys[i].move));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->outline), shortcuts);

  g_signal_connect_object (self->view, "layout-changed", G_CALLBACK (view_layout_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "selection-changed",
                           G_CALLBACK (view_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "cause-removed", G_CALLBACK (cause_removed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "error", G_CALLBACK (error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::zoom", G_CALLBACK (zoom_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->five_whys, "cause-removed", G_CALLBACK (cause_removed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->five_whys, "error", G_CALLBACK (error_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->root_button, "toggled", G_CALLBACK (root_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline, "row-selected", G_CALLBACK (outline_row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline, "row-activated", G_CALLBACK (outline_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->categories_button, create_categories_popover,
                                         self, NULL);
  zoom_changed_cb (self);
}

/* Public API -------------------------------------------------------------------------------- */

void
rectify_analysis_window_close_all (RectifyRegister *reg)
{
  GHashTable *windows;
  g_autoptr(GList) list = NULL;

  g_return_if_fail (RECTIFY_IS_REGISTER (reg));

  windows = g_object_get_data (G_OBJECT (reg), WINDOWS_KEY);
  if (windows == NULL)
    return;

  list = g_hash_table_get_values (windows);
  for (GList *l = list; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
}

gboolean
rectify_analysis_window_any (RectifyRegister *reg)
{
  GHashTable *windows;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);

  windows = g_object_get_data (G_OBJECT (reg), WINDOWS_KEY);

  return windows != NULL && g_hash_table_size (windows) > 0;
}

GtkWidget *
rectify_analysis_window_lookup (RectifyRegister      *reg,
                                RectifyNonconformity *nc)
{
  GHashTable *windows;
  gint64 id;

  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  windows = g_object_get_data (G_OBJECT (reg), WINDOWS_KEY);
  id = rectify_entity_get_id (RECTIFY_ENTITY (nc));

  return windows != NULL ? g_hash_table_lookup (windows, &id) : NULL;
}

void
rectify_analysis_window_present (GtkWindow            *parent,
                                 RectifyRegister      *reg,
                                 RectifyNonconformity *nc)
{
  RectifyAnalysisWindow *self;
  GHashTable *windows;
  GtkWidget *existing;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (RECTIFY_IS_REGISTER (reg));
  g_return_if_fail (RECTIFY_IS_NONCONFORMITY (nc));

  existing = rectify_analysis_window_lookup (reg, nc);
  if (existing != NULL)
    {
      gtk_window_present (GTK_WINDOW (existing));
      return;
    }

  /* A window of its own, not transient: it may be projected or put beside the register. */
  self = g_object_new (RECTIFY_TYPE_ANALYSIS_WINDOW, NULL);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  self->reg = g_object_ref (reg);
  self->nc = g_object_ref (nc);

  windows = g_object_get_data (G_OBJECT (reg), WINDOWS_KEY);
  if (windows == NULL)
    {
      windows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (reg), WINDOWS_KEY, windows,
                              (GDestroyNotify) g_hash_table_unref);
    }
  g_hash_table_insert (windows,
                       g_memdup2 (&(gint64) { rectify_entity_get_id (RECTIFY_ENTITY (nc)) },
                                  sizeof (gint64)),
                       self);

  g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (reg, "info-changed", G_CALLBACK (register_info_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_title (self);
  rectify_fishbone_view_set_nonconformity (self->view, reg, nc);
  rectify_five_whys_set_nonconformity (self->five_whys, reg, nc);
  update_actions (self);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

GtkWidget *
_rectify_analysis_window_get_view (RectifyAnalysisWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), NULL);

  return GTK_WIDGET (self->view);
}

GtkWidget *
_rectify_analysis_window_get_outline (RectifyAnalysisWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), NULL);

  return GTK_WIDGET (self->outline);
}

GtkWidget *
_rectify_analysis_window_get_categories_button (RectifyAnalysisWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), NULL);

  return GTK_WIDGET (self->categories_button);
}

GtkWidget *
_rectify_analysis_window_get_categories_list (RectifyAnalysisWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), NULL);

  return self->categories_list != NULL ? GTK_WIDGET (self->categories_list) : NULL;
}

GtkWidget *
_rectify_analysis_window_get_new_category_entry (RectifyAnalysisWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), NULL);

  return self->new_category_entry != NULL ? GTK_WIDGET (self->new_category_entry) : NULL;
}

const char *
_rectify_analysis_window_get_categories_message (RectifyAnalysisWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), NULL);

  return self->categories_message != NULL &&
         gtk_widget_get_visible (GTK_WIDGET (self->categories_message))
         ? gtk_label_get_text (self->categories_message) : NULL;
}

GtkWidget *
_rectify_analysis_window_get_root_button (RectifyAnalysisWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), NULL);

  return GTK_WIDGET (self->root_button);
}

GtkWidget *
_rectify_analysis_window_get_five_whys (RectifyAnalysisWindow *self)
{
  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), NULL);

  return GTK_WIDGET (self->five_whys);
}

gboolean
_rectify_analysis_window_undo_removal (RectifyAnalysisWindow *self)
{
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), FALSE);

  if (self->removed == NULL)
    return FALSE;

  removed = g_steal_pointer (&self->removed);
  update_actions (self);
  if (!_rectify_cause_tree_restore (self->reg, removed, &id, &error))
    {
      error_cb (self, error->message);
      return FALSE;
    }

  rectify_fishbone_view_select_cause (self->view, id);
  return TRUE;
}

gboolean
_rectify_analysis_window_export_to (RectifyAnalysisWindow  *self,
                                    const char             *path,
                                    GError                **error)
{
  g_autoptr(RectifyFishboneLayout) layout = NULL;

  g_return_val_if_fail (RECTIFY_IS_ANALYSIS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rectify_fishbone_check_path (path, error))
    return FALSE;

  /* Files are for print and for the workbook: always the light style. */
  layout = rectify_fishbone_layout_new_for_nc (self->reg, self->nc, NULL, 1.0);

  return rectify_fishbone_export (layout, rectify_fishbone_style_light (), path, error);
}
