/* rectify-date-button.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "rectify-date.h"
#include "rectify-date-button.h"

struct _RectifyDateButton
{
  GtkButton    parent_instance;

  char        *date;

  GtkLabel    *label;
  GtkPopover  *popover;
  GtkCalendar *calendar;
  GtkButton   *clear_button;

  /* The day selected in the calendar while the popover is open (browsing months selects days
   * too), committed when it closes only if the user picked it: a click on a day, or Space or
   * Enter on the calendar. Escape or a click outside leaves the date as it was. */
  char        *pending;
  guint        syncing_calendar : 1;
  guint        picked : 1;
};

G_DEFINE_FINAL_TYPE (RectifyDateButton, rectify_date_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
date_time_to_iso (GDateTime *dt)
{
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_time_get_year (dt),
                          g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt));
}

char *
_rectify_date_button_format (const char *date)
{
  if (date == NULL || !rectify_date_parse (date, NULL))
    /* Translators: shown on a date button when no date is set */
    return g_strdup (_("Not set"));

  return rectify_date_format_locale (date);
}

static void
update_display (RectifyDateButton *self)
{
  g_autofree char *text = _rectify_date_button_format (self->date);

  gtk_label_set_label (self->label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), self->date != NULL);

  /* The name comes from the row the button activates (AdwActionRow labels its activatable widget
   * with the row's title); the date is the description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
sync_calendar (RectifyDateButton *self)
{
  GDate d;
  g_autoptr(GDateTime) dt = NULL;

  if (self->date != NULL && rectify_date_parse (self->date, &d))
    dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                                12, 0, 0);
  else
    {
      g_autofree char *today = rectify_date_today ();

      if (rectify_date_parse (today, &d))
        dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                                    g_date_get_day (&d), 12, 0, 0);
      else
        dt = g_date_time_new_now_local ();
    }

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->syncing_calendar = FALSE;
}

/* Sets the date and notifies when it changed; @date must be a valid ISO date or NULL. */
static void
set_date_internal (RectifyDateButton *self,
                   const char        *date)
{
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
calendar_day_selected_cb (RectifyDateButton *self,
                          GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) dt = NULL;

  if (self->syncing_calendar)
    return;

  dt = gtk_calendar_get_date (calendar);
  g_free (self->pending);
  self->pending = date_time_to_iso (dt);
}

static void
calendar_released_cb (RectifyDateButton *self,
                      int                n_press,
                      double             x,
                      double             y,
                      GtkGestureClick   *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  /* The day cells are labels with the "day-number" style class. */
  if (picked != NULL && GTK_IS_LABEL (picked) &&
      gtk_widget_has_css_class (picked, "day-number"))
    {
      self->picked = TRUE;
      gtk_popover_popdown (self->popover);
    }
}

static gboolean
popdown_idle_cb (gpointer user_data)
{
  RectifyDateButton *self = user_data;

  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);

  return G_SOURCE_REMOVE;
}

static gboolean
popover_key_pressed_cb (RectifyDateButton     *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      self->picked = FALSE;
      gtk_popover_popdown (self->popover);
      return GDK_EVENT_STOP;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      /* The calendar selects the focused day with Space (GTK 4.8 ignores Enter there); close
       * once it has, keeping what is selected. */
      if (gtk_widget_has_focus (GTK_WIDGET (self->calendar)))
        {
          self->picked = TRUE;
          g_idle_add_full (G_PRIORITY_HIGH_IDLE, popdown_idle_cb, g_object_ref (self),
                           g_object_unref);
        }
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
clear_clicked_cb (RectifyDateButton *self)
{
  g_clear_pointer (&self->pending, g_free);
  self->picked = FALSE;
  gtk_popover_popdown (self->popover);
  set_date_internal (self, NULL);
}

static void
popover_closed_cb (RectifyDateButton *self)
{
  g_autofree char *pending = g_steal_pointer (&self->pending);

  if (self->picked && pending != NULL)
    set_date_internal (self, pending);
  self->picked = FALSE;
}

static void
rectify_date_button_clicked (GtkButton *button)
{
  RectifyDateButton *self = RECTIFY_DATE_BUTTON (button);

  g_clear_pointer (&self->pending, g_free);
  self->picked = FALSE;
  sync_calendar (self);
  gtk_popover_popup (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
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

  gtk_popover_present (RECTIFY_DATE_BUTTON (widget)->popover);
}

static void
rectify_date_button_dispose (GObject *object)
{
  RectifyDateButton *self = RECTIFY_DATE_BUTTON (object);

  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }

  G_OBJECT_CLASS (rectify_date_button_parent_class)->dispose (object);
}

static void
rectify_date_button_finalize (GObject *object)
{
  RectifyDateButton *self = RECTIFY_DATE_BUTTON (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->pending, g_free);

  G_OBJECT_CLASS (rectify_date_button_parent_class)->finalize (object);
}

static void
rectify_date_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RectifyDateButton *self = RECTIFY_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_date_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RectifyDateButton *self = RECTIFY_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      rectify_date_button_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rectify_date_button_class_init (RectifyDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->dispose = rectify_date_button_dispose;
  object_class->finalize = rectify_date_button_finalize;
  object_class->get_property = rectify_date_button_get_property;
  object_class->set_property = rectify_date_button_set_property;

  button_class->clicked = rectify_date_button_clicked;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "button");
}

static void
rectify_date_button_init (RectifyDateButton *self)
{
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *popover_box;
  GtkEventController *key;
  GtkGesture *click;

  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (bin_request_mode, bin_measure, bin_allocate));
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self), "date-button");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  image = gtk_image_new_from_icon_name ("x-office-calendar-symbolic");
  gtk_box_append (GTK_BOX (box), image);
  gtk_button_set_child (GTK_BUTTON (self), box);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (popover_closed_cb), self,
                           G_CONNECT_SWAPPED);

  popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb),
                           self, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (calendar_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));
  gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (self->calendar));

  /* Translators: removes the date of a date field */
  self->clear_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Clear")));
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (self->clear_button));
  gtk_popover_set_child (self->popover, popover_box);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (popover_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->popover), key);

  update_display (self);
}

/**
 * rectify_date_button_new:
 *
 * Returns: (transfer floating): a new date button with no date
 */
GtkWidget *
rectify_date_button_new (void)
{
  return g_object_new (RECTIFY_TYPE_DATE_BUTTON, NULL);
}

/**
 * rectify_date_button_get_date:
 *
 * Returns: (nullable): the ISO date, or NULL when not set
 */
const char *
rectify_date_button_get_date (RectifyDateButton *self)
{
  g_return_val_if_fail (RECTIFY_IS_DATE_BUTTON (self), NULL);

  return self->date;
}

void
rectify_date_button_set_date (RectifyDateButton *self,
                              const char        *date)
{
  g_return_if_fail (RECTIFY_IS_DATE_BUTTON (self));

  if (date != NULL && !rectify_date_parse (date, NULL))
    date = NULL;

  set_date_internal (self, date);
}
