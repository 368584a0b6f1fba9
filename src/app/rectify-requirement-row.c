/* rectify-requirement-row.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-requirement-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-catalogue.h"
#include "rectify-requirement-row.h"

#define MAX_SUGGESTIONS 8

struct _RectifyRequirementRow
{
  AdwEntryRow          parent_instance;

  char                *requirement;

  GtkLabel            *title_label;
  GtkPopover          *popover;
  GtkListView         *list_view;
  GListStore          *suggestions;
  GtkSingleSelection  *selection;

  /* > 0 while the text is changed from code */
  guint                setting_text;
};

G_DEFINE_FINAL_TYPE (RectifyRequirementRow, rectify_requirement_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_REQUIREMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text_quietly (RectifyRequirementRow *self,
                  const char            *text)
{
  self->setting_text++;
  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->setting_text--;
}

static void
show_entry_title (RectifyRequirementRow *self,
                  const char            *ref)
{
  RectifyCatalogueEntry *entry = ref != NULL ? rectify_catalogue_lookup (ref) : NULL;
  const char *title = entry != NULL ? rectify_catalogue_entry_get_title (entry) : NULL;

  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);

  if (entry != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    rectify_catalogue_entry_get_label (entry),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
set_error (RectifyRequirementRow *self,
           gboolean               error)
{
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      /* Translators: shown when the requirement typed is not a clause or control */
      gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                                   _("Not a clause or Annex A control of ISO/IEC 27001:2022"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
    }
}

static gboolean
has_focus_within (RectifyRequirementRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

static void
hide_suggestions (RectifyRequirementRow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
}

static void
update_suggestions (RectifyRequirementRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0' || !has_focus_within (self))
    {
      g_list_store_remove_all (self->suggestions);
      hide_suggestions (self);
      return;
    }

  results = rectify_catalogue_search (stripped, MAX_SUGGESTIONS);

  /* One exact match that is already the text: nothing to suggest. */
  if (results->len == 1 &&
      g_strcmp0 (rectify_catalogue_entry_get_ref (g_ptr_array_index (results, 0)), stripped) == 0)
    g_ptr_array_set_size (results, 0);

  g_list_store_splice (self->suggestions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)),
                       results->pdata, results->len);

  if (results->len == 0)
    {
      hide_suggestions (self);
      return;
    }

  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popup (self->popover);
}

static gboolean
commit_text (RectifyRequirementRow *self,
             const char            *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *ref = NULL;

  if (stripped[0] != '\0')
    {
      RectifyCatalogueEntry *entry = rectify_catalogue_lookup (stripped);

      if (entry == NULL)
        {
          set_error (self, TRUE);
          return FALSE;
        }

      ref = rectify_catalogue_entry_get_ref (entry);
    }

  set_error (self, FALSE);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), ref != NULL ? ref : "") != 0)
    set_text_quietly (self, ref);
  show_entry_title (self, ref);

  if (g_strcmp0 (self->requirement, ref) != 0)
    {
      g_free (self->requirement);
      self->requirement = g_strdup (ref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENT]);
    }

  return TRUE;
}

static void
pick_suggestion (RectifyRequirementRow *self,
                 guint                  position)
{
  g_autoptr(RectifyCatalogueEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->suggestions),
                                                                  position);

  if (entry == NULL)
    return;

  hide_suggestions (self);
  commit_text (self, rectify_catalogue_entry_get_ref (entry));
}

static void
changed_cb (RectifyRequirementRow *self)
{
  const char *text;
  g_autofree char *stripped = NULL;

  if (self->setting_text > 0)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self));
  stripped = g_strstrip (g_strdup (text));

  /* Clear the error as soon as the text is acceptable again; an unknown text is only marked
   * when the user commits it. */
  if (stripped[0] == '\0' || rectify_catalogue_lookup (stripped) != NULL)
    set_error (self, FALSE);

  show_entry_title (self, NULL);
  update_suggestions (self);
}

static void
entry_activated_cb (RectifyRequirementRow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->suggestions)) > 0)
    {
      guint selected = gtk_single_selection_get_selected (self->selection);

      if (selected != GTK_INVALID_LIST_POSITION)
        {
          pick_suggestion (self, selected);
          return;
        }
    }

  hide_suggestions (self);
  commit_text (self, gtk_editable_get_text (GTK_EDITABLE (self)));
}

static void
list_activate_cb (RectifyRequirementRow *self,
                  guint                  position,
                  GtkListView           *list_view)
{
  pick_suggestion (self, position);
}

static gboolean
key_pressed_cb (RectifyRequirementRow *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));
  guint selected;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)) || n_items == 0)
    {
      if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
        {
          /* Down on a closed field opens the suggestions. */
          g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));

          if (stripped[0] != '\0')
            {
              update_suggestions (self);
              return GDK_EVENT_STOP;
            }
        }
      return GDK_EVENT_PROPAGATE;
    }

  selected = gtk_single_selection_get_selected (self->selection);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      selected = (selected == GTK_INVALID_LIST_POSITION || selected + 1 >= n_items) ? 0 : selected + 1;
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      selected = (selected == GTK_INVALID_LIST_POSITION || selected == 0) ? n_items - 1 : selected - 1;
      break;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      selected = n_items - 1;
      break;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      selected = 0;
      break;

    case GDK_KEY_Escape:
      hide_suggestions (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_KP_Tab:
      hide_suggestions (self);
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
  return GDK_EVENT_STOP;
}

static void
focus_leave_cb (RectifyRequirementRow *self)
{
  hide_suggestions (self);
  commit_text (self, gtk_editable_get_text (GTK_EDITABLE (self)));
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *ref = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (ref), 0);
  gtk_label_set_width_chars (GTK_LABEL (ref), 7);
  gtk_widget_add_css_class (ref, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), ref);
  gtk_box_append (GTK_BOX (box), title);
  gtk_list_item_set_child (item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  RectifyCatalogueEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *ref = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (ref);

  gtk_label_set_label (GTK_LABEL (ref), rectify_catalogue_entry_get_ref (entry));
  gtk_label_set_label (GTK_LABEL (title), rectify_catalogue_entry_get_title (entry));
  gtk_widget_set_tooltip_text (title, rectify_catalogue_entry_get_title (entry));
}

static void
present_popover (RectifyRequirementRow *self,
                 int                    width)
{
  /* The suggestions are as wide as the row, within reason. */
  GtkWidget *child = gtk_popover_get_child (self->popover);
  int wanted = CLAMP (width - 24, 240, 480);
  int current;

  gtk_widget_get_size_request (child, &current, NULL);
  if (current != wanted)
    gtk_widget_set_size_request (child, wanted, -1);

  gtk_popover_present (self->popover);
}

/* Like GtkBinLayout (which the parent class uses), and presents the popover on each allocation as
 * a widget with a popover child must. */
static GtkSizeRequestMode
bin_request_mode (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      return gtk_widget_get_request_mode (child);

  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
bin_measure (GtkWidget      *widget,
             GtkOrientation  orientation,
             int             for_size,
             int            *minimum,
             int            *natural,
             int            *minimum_baseline,
             int            *natural_baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0, child_min_baseline = -1, child_nat_baseline = -1;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat,
                          &child_min_baseline, &child_nat_baseline);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
      if (child_min_baseline > -1)
        *minimum_baseline = MAX (*minimum_baseline, child_min_baseline);
      if (child_nat_baseline > -1)
        *natural_baseline = MAX (*natural_baseline, child_nat_baseline);
    }
}

static void
bin_allocate (GtkWidget *widget,
              int        width,
              int        height,
              int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);

  present_popover (RECTIFY_REQUIREMENT_ROW (widget), width);
}

static void
rectify_requirement_row_dispose (GObject *object)
{
  RectifyRequirementRow *self = RECTIFY_REQUIREMENT_ROW (object);

  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->suggestions);

  G_OBJECT_CLASS (rectify_requirement_row_parent_class)->dispose (object);
}

static void
rectify_requirement_row_finalize (GObject *object)
{
  RectifyRequirementRow *self = RECTIFY_REQUIREMENT_ROW (object);

  g_clear_pointer (&self->requirement, g_free);

  G_OBJECT_CLASS (rectify_requirement_row_parent_class)->finalize (object);
}

static void
rectify_requirement_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RectifyRequirementRow *self = RECTIFY_REQUIREMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUIREMENT:
      g_value_set_string (value, self->requirement);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_requirement_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RectifyRequirementRow *self = RECTIFY_REQUIREMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUIREMENT:
      rectify_requirement_row_set_requirement (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_requirement_row_class_init (RectifyRequirementRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rectify_requirement_row_dispose;
  object_class->finalize = rectify_requirement_row_finalize;
  object_class->get_property = rectify_requirement_row_get_property;
  object_class->set_property = rectify_requirement_row_set_property;

  properties[PROP_REQUIREMENT] =
    g_param_spec_string ("requirement", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rectify_requirement_row_init (RectifyRequirementRow *self)
{
  GtkListItemFactory *factory;
  GtkWidget *scrolled;
  GtkEventController *key;
  GtkEventController *focus;

  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (bin_request_mode, bin_measure, bin_allocate));

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->title_label, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->title_label));

  self->suggestions = g_list_store_new (RECTIFY_TYPE_CATALOGUE_ENTRY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->suggestions)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  /* The list must never take the focus from the entry. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->list_view), FALSE);
  /* Translators: accessible name of the list of requirement suggestions */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"),
                                  -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self,
                           G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_has_arrow (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->popover), GTK_ALIGN_START);
  gtk_widget_set_can_focus (GTK_WIDGET (self->popover), FALSE);
  gtk_popover_set_child (self->popover, scrolled);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));

  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect (self, "entry-activated", G_CALLBACK (entry_activated_cb), NULL);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/**
 * rectify_requirement_row_new:
 *
 * Returns: (transfer floating): a new requirement row
 */
GtkWidget *
rectify_requirement_row_new (void)
{
  return g_object_new (RECTIFY_TYPE_REQUIREMENT_ROW, NULL);
}

/**
 * rectify_requirement_row_get_requirement:
 *
 * Returns: (nullable): the catalogue ref last committed, or NULL
 */
const char *
rectify_requirement_row_get_requirement (RectifyRequirementRow *self)
{
  g_return_val_if_fail (RECTIFY_IS_REQUIREMENT_ROW (self), NULL);

  return self->requirement;
}

void
rectify_requirement_row_set_requirement (RectifyRequirementRow *self,
                                         const char            *ref)
{
  g_return_if_fail (RECTIFY_IS_REQUIREMENT_ROW (self));

  if (ref != NULL && ref[0] == '\0')
    ref = NULL;

  hide_suggestions (self);
  set_error (self, FALSE);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), ref != NULL ? ref : "") != 0)
    set_text_quietly (self, ref);
  show_entry_title (self, ref);

  if (g_strcmp0 (self->requirement, ref) == 0)
    return;

  g_free (self->requirement);
  self->requirement = g_strdup (ref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENT]);
}

gboolean
rectify_requirement_row_commit (RectifyRequirementRow *self)
{
  g_return_val_if_fail (RECTIFY_IS_REQUIREMENT_ROW (self), FALSE);

  return commit_text (self, gtk_editable_get_text (GTK_EDITABLE (self)));
}
