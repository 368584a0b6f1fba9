/* rectify-board-card.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-board"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-date-button.h"
#include "rectify-board-card.h"
#include "rectify-date.h"
#include "rectify-enums.h"
#include "rectify-workflow.h"

struct _RectifyBoardCard
{
  GtkWidget             parent_instance;

  RectifyNonconformity *nc;
  GtkWidget            *menu;
  gboolean              read_only;   /* no moves: no drag, its menu's moves insensitive */

  /* Template widgets */
  GtkWidget            *box;
  GtkLabel             *ref_label;
  GtkLabel             *grade_label;
  GtkLabel             *title_label;
  GtkLabel             *meta_label;
  GtkBox               *due_box;
  GtkImage             *overdue_icon;
  GtkLabel             *due_label;
  GtkLabel             *age_label;
  GtkLabel             *progress_label;
};

G_DEFINE_FINAL_TYPE (RectifyBoardCard, rectify_board_card, GTK_TYPE_WIDGET)

static const char *grade_classes[] = { "major", "minor", "observation", "ofi" };

static void
forward_action (RectifyBoardCard *self,
                const char       *board_action)
{
  if (self->nc == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), board_action, "x",
                              rectify_entity_get_id (RECTIFY_ENTITY (self->nc)));
}

static GMenuModel *
build_menu (RectifyBoardCard *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  RectifyStatus status = rectify_nonconformity_get_status (self->nc);
  g_autofree char *label = NULL;

  if (status != RECTIFY_STATUS_CLOSED)
    {
      /* Translators: %s is a workflow status, "Move to Analysis" */
      label = g_strdup_printf (_("Move to %s"),
                               rectify_enum_to_label (RECTIFY_TYPE_STATUS,
                                                      rectify_workflow_next (status)));
      g_menu_append (moves, label, "card.move-next");
      g_clear_pointer (&label, g_free);
    }

  if (status == RECTIFY_STATUS_CLOSED)
    {
      /* Translators: %s is a workflow status, "Reopen to Analysis" */
      label = g_strdup_printf (_("Reopen to %s"),
                               rectify_enum_to_label (RECTIFY_TYPE_STATUS, RECTIFY_STATUS_ANALYSIS));
      g_menu_append (moves, label, "card.move-previous");
    }
  else if (status != RECTIFY_STATUS_REPORTED)
    {
      /* Translators: %s is a workflow status, "Move Back to Reported" */
      label = g_strdup_printf (_("Move Back to %s"),
                               rectify_enum_to_label (RECTIFY_TYPE_STATUS,
                                                      rectify_workflow_previous (status)));
      g_menu_append (moves, label, "card.move-previous");
    }

  g_menu_append (open, _("_Open"), "card.open");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
popup_menu (RectifyBoardCard *self,
            double            x,
            double            y)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->nc == NULL)
    return;

  model = build_menu (self);
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), x >= 0);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);

  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                                 &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), NULL);

  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
secondary_pressed_cb (RectifyBoardCard *self,
                      int               n_press,
                      double            x,
                      double            y,
                      GtkGestureClick  *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static void
long_pressed_cb (RectifyBoardCard    *self,
                 double               x,
                 double               y,
                 GtkGestureLongPress *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static GdkContentProvider *
drag_prepare_cb (RectifyBoardCard *self,
                 double            x,
                 double            y,
                 GtkDragSource    *source)
{
  if (self->nc == NULL || self->read_only)
    return NULL;

  return gdk_content_provider_new_typed (RECTIFY_TYPE_NONCONFORMITY, self->nc);
}

static void
drag_begin_cb (RectifyBoardCard *self,
               GdkDrag          *drag,
               GtkDragSource    *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 12, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
drag_end_cb (RectifyBoardCard *self,
             GdkDrag          *drag,
             gboolean          delete_data,
             GtkDragSource    *source)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

static void
move_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  forward_action (RECTIFY_BOARD_CARD (widget), "board.move-next");
}

static void
move_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  forward_action (RECTIFY_BOARD_CARD (widget), "board.move-previous");
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  forward_action (RECTIFY_BOARD_CARD (widget), "board.open");
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RectifyBoardCard *self = RECTIFY_BOARD_CARD (widget);

  popup_menu (self, -1, -1);
}

/* The width of a card is the width of its column: it is not measured from its labels (the
 * wrapping title would be laid out several times for each card on every layout). */
#define CARD_MIN_WIDTH 160
#define CARD_NAT_WIDTH 240

static void
rectify_board_card_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  RectifyBoardCard *self = RECTIFY_BOARD_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = CARD_MIN_WIDTH;
      *natural = CARD_NAT_WIDTH;
      return;
    }

  gtk_widget_measure (self->box, orientation, for_size < 0 ? CARD_NAT_WIDTH : for_size,
                      minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
rectify_board_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rectify_board_card_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  RectifyBoardCard *self = RECTIFY_BOARD_CARD (widget);

  gtk_widget_allocate (self->box, width, height, -1, NULL);

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
rectify_board_card_dispose (GObject *object)
{
  RectifyBoardCard *self = (RectifyBoardCard *)object;
  GtkWidget *child;

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), RECTIFY_TYPE_BOARD_CARD);
  /* The template's unnamed boxes too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->nc);

  G_OBJECT_CLASS (rectify_board_card_parent_class)->dispose (object);
}

static void
rectify_board_card_class_init (RectifyBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_board_card_dispose;
  widget_class->measure = rectify_board_card_measure;
  widget_class->get_request_mode = rectify_board_card_get_request_mode;
  widget_class->size_allocate = rectify_board_card_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-board-card.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, box);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, ref_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, grade_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, meta_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, due_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, overdue_icon);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, due_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, age_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyBoardCard, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, long_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_begin_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_end_cb);

  gtk_widget_class_install_action (widget_class, "card.move-next", NULL, move_next_action);
  gtk_widget_class_install_action (widget_class, "card.move-previous", NULL, move_previous_action);
  gtk_widget_class_install_action (widget_class, "card.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action);

  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rectify_board_card_init (RectifyBoardCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A card of a register open for reading only cannot be moved: its moves are disabled (shown
 * insensitive in its menu) and it cannot be dragged. */
void
rectify_board_card_set_read_only (RectifyBoardCard *self,
                                  gboolean          read_only)
{
  g_return_if_fail (RECTIFY_IS_BOARD_CARD (self));

  self->read_only = !!read_only;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-next", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.move-previous", !read_only);
}

GtkWidget *
rectify_board_card_new (void)
{
  return g_object_new (RECTIFY_TYPE_BOARD_CARD, NULL);
}

/**
 * rectify_board_format_due:
 *
 * "5 days left", "Due today", "3 days overdue", "Closed on 2026-05-02" or "No due date".
 */
char *
rectify_board_format_due (RectifyNonconformity *nc,
                          const char           *today)
{
  int days = 0;

  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  if (rectify_nonconformity_get_status (nc) == RECTIFY_STATUS_CLOSED)
    {
      const char *closed_on = rectify_nonconformity_get_closed_on (nc);

      if (closed_on != NULL)
        {
          g_autofree char *shown = _rectify_date_button_format (closed_on);

          /* Translators: %s is a date */
          return g_strdup_printf (_("Closed on %s"), shown);
        }
      return g_strdup (_("Closed"));
    }

  if (!rectify_nonconformity_get_days_left (nc, today, &days))
    return g_strdup (_("No due date"));

  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days),
                            days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days),
                          -days);
}

/**
 * rectify_board_format_age:
 *
 * "reported today", "reported 40 days ago", or NULL without a reported-on date.
 */
char *
rectify_board_format_age (RectifyNonconformity *nc,
                          const char           *today)
{
  const char *reported_on;
  int days = 0;

  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  reported_on = rectify_nonconformity_get_reported_on (nc);
  if (reported_on == NULL || !rectify_date_days_between (reported_on, today, &days))
    return NULL;

  if (days <= 0)
    return g_strdup (_("reported today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "reported %d day ago",
                                       "reported %d days ago", days),
                          days);
}

/**
 * rectify_board_card_describe:
 *
 * The accessible label of a card: "NC-012, Major, Mailbox compromise, 3 days overdue".
 */
char *
rectify_board_card_describe (RectifyNonconformity *nc,
                             const char           *today)
{
  g_autofree char *due = NULL;
  const char *title;

  g_return_val_if_fail (RECTIFY_IS_NONCONFORMITY (nc), NULL);

  due = rectify_board_format_due (nc, today);
  title = rectify_nonconformity_get_title (nc);

  /* Translators: the accessible label of a card on the board: reference, grade, title, due */
  return g_strdup_printf (_("%s, %s, %s, %s"),
                          rectify_nonconformity_get_ref (nc),
                          rectify_enum_to_label (RECTIFY_TYPE_GRADE,
                                                 rectify_nonconformity_get_grade (nc)),
                          title != NULL ? title : "",
                          due);
}

void
rectify_board_card_set_nonconformity (RectifyBoardCard     *self,
                                      RectifyNonconformity *nc,
                                      const char           *today,
                                      const char           *progress)
{
  g_autofree char *due = NULL;
  g_autofree char *age = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *description = NULL;
  const char *requirement;
  const char *owner;
  RectifyGrade grade;
  gboolean overdue;

  g_return_if_fail (RECTIFY_IS_BOARD_CARD (self));
  g_return_if_fail (nc == NULL || RECTIFY_IS_NONCONFORMITY (nc));

  g_set_object (&self->nc, nc);
  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));

  if (nc == NULL)
    return;

  set_text (self->ref_label, rectify_nonconformity_get_ref (nc));
  set_text (self->title_label, rectify_nonconformity_get_title (nc));

  grade = rectify_nonconformity_get_grade (nc);
  gtk_label_set_text (self->grade_label, rectify_enum_to_label (RECTIFY_TYPE_GRADE, grade));
  for (guint i = 0; i < G_N_ELEMENTS (grade_classes); i++)
    if ((guint)grade == i)
      gtk_widget_add_css_class (GTK_WIDGET (self->grade_label), grade_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->grade_label), grade_classes[i]);

  requirement = rectify_nonconformity_get_requirement (nc);
  owner = rectify_nonconformity_get_owner (nc);
  if (requirement != NULL && *requirement != '\0' && owner != NULL && *owner != '\0')
    /* Translators: requirement and owner on a card, "A.5.15 · Alice Martin" */
    meta = g_strdup_printf (_("%s · %s"), requirement, owner);
  else if (requirement != NULL && *requirement != '\0')
    meta = g_strdup (requirement);
  else if (owner != NULL && *owner != '\0')
    meta = g_strdup (owner);
  set_text (self->meta_label, meta);

  due = rectify_board_format_due (nc, today);
  gtk_label_set_text (self->due_label, due);
  overdue = rectify_nonconformity_is_overdue (nc, today);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_icon), overdue);
  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "overdue");
      gtk_widget_add_css_class (GTK_WIDGET (self->overdue_icon), "overdue");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
      gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "overdue");
      gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_icon), "overdue");
    }

  age = rectify_board_format_age (nc, today);
  set_text (self->age_label, age);
  set_text (self->progress_label, progress);

  description = rectify_board_card_describe (nc, today);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

RectifyNonconformity *
rectify_board_card_get_nonconformity (RectifyBoardCard *self)
{
  g_return_val_if_fail (RECTIFY_IS_BOARD_CARD (self), NULL);

  return self->nc;
}
