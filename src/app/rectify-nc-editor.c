/* rectify-nc-editor.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-nc-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rectify-accessible.h"
#include "rectify-action-dialog.h"
#include "rectify-analysis-window.h"
#include "rectify-audit-dialog.h"
#include "rectify-date-button.h"
#include "rectify-date.h"
#include "rectify-enums.h"
#include "rectify-evidence-list.h"
#include "rectify-fishbone-view.h"
#include "rectify-history-view.h"
#include "rectify-nc-editor.h"
#include "rectify-requirement-row.h"
#include "rectify-similar.h"

/* Text fields are saved after this pause in typing. */
#define SAVE_DELAY_MS 600
/* The step header and the lists follow the register after this pause. */
#define REFRESH_DELAY_MS 80
/* Similar NCs are looked for again after this pause in changes (a search over the register). */
#define SIMILAR_DELAY_MS 400
/* At most this many similar NCs are listed. */
#define SIMILAR_MAX 6

typedef enum
{
  FIELD_ENTRY,        /* AdwEntryRow, string */
  FIELD_TEXT,         /* GtkTextView, string */
  FIELD_REQUIREMENT,  /* RectifyRequirementRow, string */
  FIELD_DATE,         /* RectifyDateButton, ISO date */
  FIELD_ENUM,         /* AdwComboRow over the values of an enum, in order */
  FIELD_AUDIT,        /* AdwComboRow over "None" + the register's audits, int64 id */
  FIELD_BOOL,         /* GtkSwitch, boolean */
} FieldKind;

typedef struct
{
  const char *property;
  FieldKind   kind;
  gsize       offset;   /* of the widget in RectifyNcEditor */
} Field;

/* RectifyTextField: a GtkTextView that asks for the height of all its text at the width it is
 * given. GTK 4.8's GtkTextView reports only the height of the lines it has laid out so far, so
 * outside a scrolled window it stays one line (or zero lines) high. */

#define RECTIFY_TYPE_TEXT_FIELD (rectify_text_field_get_type ())

G_DECLARE_FINAL_TYPE (RectifyTextField, rectify_text_field, RECTIFY, TEXT_FIELD, GtkTextView)

struct _RectifyTextField
{
  GtkTextView parent_instance;
};

G_DEFINE_FINAL_TYPE (RectifyTextField, rectify_text_field, GTK_TYPE_TEXT_VIEW)

static void
rectify_text_field_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkTextView *view = GTK_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (rectify_text_field_parent_class)->measure (widget, orientation, for_size,
                                                               minimum, natural,
                                                               minimum_baseline, natural_baseline);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      GtkTextIter start, end;
      int width = for_size >= 0 ? for_size : gtk_widget_get_width (widget);
      int height;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      /* An empty field is still one line high. */
      layout = gtk_widget_create_pango_layout (widget, text[0] != '\0' ? text : " ");
      width -= gtk_text_view_get_left_margin (view) + gtk_text_view_get_right_margin (view);
      if (width > 0)
        {
          pango_layout_set_width (layout, width * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        }
      pango_layout_get_pixel_size (layout, NULL, &height);
      height += gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);

      /* GtkTextView's own answer comes from the lines it laid out at an earlier width: once
       * the width is known, the height of the text at that width is the answer. */
      if (for_size >= 0)
        {
          *minimum = height;
          *natural = height;
        }
      else
        {
          *minimum = MAX (*minimum, height);
          *natural = MAX (*natural, height);
        }
    }
}

static GtkSizeRequestMode
rectify_text_field_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rectify_text_field_class_init (RectifyTextFieldClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = rectify_text_field_measure;
  widget_class->get_request_mode = rectify_text_field_get_request_mode;
}

static void
rectify_text_field_init (RectifyTextField *self)
{
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), "changed",
                           G_CALLBACK (gtk_widget_queue_resize), self, G_CONNECT_SWAPPED);
}

/* RectifyNcEditor */

struct _RectifyNcEditor
{
  AdwBin                 parent_instance;

  RectifyRegister       *reg;
  gboolean               read_only;   /* the register is open for reading only */
  gboolean               locked;      /* the fields and forms are locked (apply_locks ()) */
  RectifyNonconformity  *nc;
  gulong                 nc_notify_id;

  GtkFlattenListModel   *audit_model;
  GtkStringList         *grade_model;
  GtkStringList         *source_model;

  /* bit i set: fields[i] has an edit not yet saved */
  guint                  dirty;
  guint                  save_timeout_id;
  /* > 0 while widgets are filled from the NC: changes are not saves */
  guint                  updating;
  /* the step header and the lists wait for this to refresh */
  guint                  refresh_id;
  /* the similar NCs wait for this to be looked for again */
  guint                  similar_id;
  /* the bones causes can be on (untranslated names) and their labels */
  char                 **category_names;
  GtkStringList         *category_model;

  /* Template widgets */
  GtkStack              *stack;
  AdwPreferencesPage    *page;
  AdwPreferencesGroup   *header_group;
  GtkLabel              *status_label;
  AdwEntryRow           *title_row;
  GtkTextView           *statement_view;
  RectifyRequirementRow *requirement_row;
  GtkTextView           *evidence_view;
  AdwEntryRow           *area_row;
  AdwEntryRow           *location_row;
  AdwComboRow           *grade_row;
  AdwComboRow           *source_row;
  AdwComboRow           *audit_row;
  RectifyDateButton     *occurred_on_button;
  AdwEntryRow           *reported_by_row;
  RectifyDateButton     *reported_on_button;
  AdwEntryRow           *owner_row;
  GtkTextView           *correction_view;
  RectifyDateButton     *correction_on_button;
  RectifyDateButton     *cap_due_on_button;
  RectifyDateButton     *due_on_button;
  GtkLabel              *closed_on_label;
  /* the lifecycle */
  AdwPreferencesGroup   *step_group;
  GtkLevelBar           *step_bar;
  GtkLabel              *step_label;
  GtkBox                *deadline_box;
  GtkImage              *deadline_icon;
  GtkLabel              *deadline_label;
  GtkLabel              *missing_label;
  GtkListBox            *missing_list;
  GtkButton             *move_button;
  GtkLabel              *move_label;
  GtkButton             *close_button;
  GtkMenuButton         *move_menu_button;
  AdwEntryRow           *correction_by_row;
  GtkSwitch             *not_needed_switch;
  AdwEntryRow           *correction_reason_row;
  GtkButton             *analysis_button;
  GtkButton             *add_cause_button;
  GtkListBox            *causes_list;
  AdwPreferencesGroup   *similar_group;
  GtkListBox            *similar_list;
  GtkMenuButton         *link_action_button;
  GtkPopover            *link_popover;
  GtkSearchEntry        *link_search_entry;
  GtkListBox            *link_list;
  GtkButton             *add_action_button;
  GtkListBox            *actions_list;
  AdwPreferencesGroup   *approval_group;
  AdwComboRow           *approval_role_row;
  AdwEntryRow           *approval_by_row;
  RectifyDateButton     *approval_on_button;
  AdwComboRow           *approval_decision_row;
  AdwActionRow          *resubmit_row;
  RectifyDateButton     *resubmit_button;
  AdwEntryRow           *approval_comment_row;
  GtkListBox            *approvals_list;
  RectifyEvidenceList   *evidence_list;
  AdwPreferencesGroup   *verification_group;
  AdwComboRow           *verification_method_row;
  AdwEntryRow           *verifier_row;
  RectifyDateButton     *verified_on_button;
  AdwComboRow           *verification_result_row;
  AdwEntryRow           *verification_comment_row;
  GtkListBox            *verifications_list;
  AdwActionRow          *cap_due_on_row;
  AdwActionRow          *due_on_row;
  AdwActionRow          *closed_on_row;
  AdwActionRow          *closed_by_row;
  GtkLabel              *closed_by_label;
  RectifyHistoryView    *history_view;
  GtkExpander           *history_expander;
};

G_DEFINE_FINAL_TYPE (RectifyNcEditor, rectify_nc_editor, ADW_TYPE_BIN)

enum {
  ERROR,
  SHOW_NONCONFORMITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define FIELD(name, kind, member) { name, kind, G_STRUCT_OFFSET (RectifyNcEditor, member) }

static const Field fields[] = {
  FIELD ("title",         FIELD_ENTRY,       title_row),
  FIELD ("statement",     FIELD_TEXT,        statement_view),
  FIELD ("requirement",   FIELD_REQUIREMENT, requirement_row),
  FIELD ("evidence",      FIELD_TEXT,        evidence_view),
  FIELD ("area",          FIELD_ENTRY,       area_row),
  FIELD ("location",      FIELD_ENTRY,       location_row),
  FIELD ("grade",         FIELD_ENUM,        grade_row),
  FIELD ("source",        FIELD_ENUM,        source_row),
  FIELD ("audit-id",      FIELD_AUDIT,       audit_row),
  FIELD ("occurred-on",   FIELD_DATE,        occurred_on_button),
  FIELD ("reported-by",   FIELD_ENTRY,       reported_by_row),
  FIELD ("reported-on",   FIELD_DATE,        reported_on_button),
  FIELD ("owner",         FIELD_ENTRY,       owner_row),
  FIELD ("correction",    FIELD_TEXT,        correction_view),
  FIELD ("correction-on", FIELD_DATE,        correction_on_button),
  FIELD ("cap-due-on",    FIELD_DATE,        cap_due_on_button),
  FIELD ("due-on",        FIELD_DATE,        due_on_button),
  FIELD ("correction-by", FIELD_ENTRY,       correction_by_row),
  FIELD ("correction-not-needed", FIELD_BOOL, not_needed_switch),
  FIELD ("correction-reason", FIELD_ENTRY,   correction_reason_row),
};

#undef FIELD

G_STATIC_ASSERT (G_N_ELEMENTS (fields) < 32);

static inline GtkWidget *
field_widget (RectifyNcEditor *self,
              guint            i)
{
  return *(GtkWidget **)G_STRUCT_MEMBER_P (self, fields[i].offset);
}

static int
find_field (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].property, property) == 0)
      return (int)i;

  return -1;
}

/* In a register open for reading only, nothing can be changed: text stays readable (and can be
 * selected and copied) but not edited, other controls are insensitive. */
static void
lock_widget (GtkWidget *widget,
             gboolean   locked)
{
  if (widget == NULL)
    return;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), !locked);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), !locked);
    }
  else if (ADW_IS_ENTRY_ROW (widget))
    gtk_editable_set_editable (GTK_EDITABLE (widget), !locked);
  else
    gtk_widget_set_sensitive (widget, !locked);
}

static void apply_locks (RectifyNcEditor *self);

/* NULL for an empty string, so "" and NULL compare equal. */
static char *
normalize_text (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The value of a string-like field as the widget shows it (transfer full, NULL when empty). */
static char *
widget_get_string (RectifyNcEditor *self,
                   guint            i)
{
  GtkWidget *widget = field_widget (self, i);

  switch (fields[i].kind)
    {
    case FIELD_ENTRY:
      return normalize_text (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));

    case FIELD_TEXT:
      return normalize_text (text_view_get_text (GTK_TEXT_VIEW (widget)));

    case FIELD_REQUIREMENT:
      return normalize_text (g_strdup (rectify_requirement_row_get_requirement (RECTIFY_REQUIREMENT_ROW (widget))));

    case FIELD_DATE:
      return normalize_text (g_strdup (rectify_date_button_get_date (RECTIFY_DATE_BUTTON (widget))));

    case FIELD_ENUM:
    case FIELD_AUDIT:
    case FIELD_BOOL:
    default:
      g_assert_not_reached ();
    }
}

static guint
audit_position (RectifyNcEditor *self,
                gint64           audit_id)
{
  guint n;

  if (self->audit_model == NULL || audit_id == 0)
    return 0;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->audit_model));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->audit_model), i);

      if (RECTIFY_IS_AUDIT (item) && rectify_entity_get_id (RECTIFY_ENTITY (item)) == audit_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static RectifyAudit *
selected_audit (RectifyNcEditor *self)
{
  GObject *item = adw_combo_row_get_selected_item (self->audit_row);

  return RECTIFY_IS_AUDIT (item) ? RECTIFY_AUDIT (item) : NULL;
}

static void
update_audit_actions (RectifyNcEditor *self)
{
  gboolean editable = self->nc != NULL && self->reg != NULL && !self->read_only;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.new-audit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.edit-audit",
                                 editable && selected_audit (self) != NULL);
  /* Its shortcut is global to the window: off while the editor is not shown, so that the key
   * goes on to whatever else wants it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.root-cause-analysis",
                                 self->nc != NULL && self->reg != NULL &&
                                 gtk_widget_get_mapped (GTK_WIDGET (self)));
}

/* Shows the NC's value of fields[i] in its widget; never saves. */
static void
load_field (RectifyNcEditor *self,
            guint            i)
{
  GtkWidget *widget = field_widget (self, i);
  g_autofree char *value = NULL;
  int enum_value = 0;
  gint64 id = 0;

  self->updating++;

  switch (fields[i].kind)
    {
    case FIELD_ENTRY:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &value, NULL);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), value != NULL ? value : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (widget), value != NULL ? value : "");
      break;

    case FIELD_TEXT:
      {
        g_autofree char *shown = text_view_get_text (GTK_TEXT_VIEW (widget));

        if (self->nc != NULL)
          g_object_get (self->nc, fields[i].property, &value, NULL);
        if (g_strcmp0 (shown, value != NULL ? value : "") != 0)
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                    value != NULL ? value : "", -1);
      }
      break;

    case FIELD_REQUIREMENT:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &value, NULL);
      rectify_requirement_row_set_requirement (RECTIFY_REQUIREMENT_ROW (widget), value);
      break;

    case FIELD_DATE:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &value, NULL);
      rectify_date_button_set_date (RECTIFY_DATE_BUTTON (widget), value);
      break;

    case FIELD_ENUM:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &enum_value, NULL);
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget), (guint)enum_value);
      break;

    case FIELD_AUDIT:
      if (self->nc != NULL)
        g_object_get (self->nc, fields[i].property, &id, NULL);
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget), audit_position (self, id));
      update_audit_actions (self);
      break;

    case FIELD_BOOL:
      {
        gboolean active = FALSE;

        if (self->nc != NULL)
          g_object_get (self->nc, fields[i].property, &active, NULL);
        gtk_switch_set_active (GTK_SWITCH (widget), active);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  self->updating--;
}

static void
load_header (RectifyNcEditor *self)
{
  g_autofree char *closed = NULL;

  if (self->nc == NULL)
    return;

  adw_preferences_group_set_title (self->header_group, rectify_nonconformity_get_ref (self->nc));
  gtk_label_set_label (self->status_label,
                       rectify_enum_to_label (RECTIFY_TYPE_STATUS,
                                              rectify_nonconformity_get_status (self->nc)));
  closed = _rectify_date_button_format (rectify_nonconformity_get_closed_on (self->nc));
  gtk_label_set_label (self->closed_on_label, closed);
}

static void
load_all (RectifyNcEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    load_field (self, i);
  load_header (self);
}

static void
report_error (RectifyNcEditor *self,
              const GError    *error)
{
  g_warning ("Could not save: %s", error->message);
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

/* Writes fields[i] from its widget to the register when it differs from the NC. */
static void
save_field (RectifyNcEditor *self,
            guint            i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RectifyNonconformity) nc = NULL;
  gboolean ok = TRUE;

  if (self->nc == NULL || self->reg == NULL)
    return;

  /* The NC may be switched by a handler of our own write. */
  nc = g_object_ref (self->nc);

  switch (fields[i].kind)
    {
    case FIELD_ENTRY:
    case FIELD_TEXT:
    case FIELD_REQUIREMENT:
    case FIELD_DATE:
      {
        g_autofree char *value = widget_get_string (self, i);
        g_autofree char *stored = NULL;

        g_object_get (nc, fields[i].property, &stored, NULL);
        stored = normalize_text (stored);
        if (g_strcmp0 (value, stored) == 0)
          return;

        g_debug ("Saving %s of %s", fields[i].property, rectify_nonconformity_get_ref (nc));
        ok = rectify_register_update_string (self->reg, RECTIFY_ENTITY (nc),
                                             fields[i].property, value, &error);
      }
      break;

    case FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field_widget (self, i)));
        int stored = 0;

        if (selected == GTK_INVALID_LIST_POSITION)
          return;

        g_object_get (nc, fields[i].property, &stored, NULL);
        if ((guint)stored == selected)
          return;

        g_debug ("Saving %s of %s", fields[i].property, rectify_nonconformity_get_ref (nc));
        ok = rectify_register_update_enum (self->reg, RECTIFY_ENTITY (nc),
                                           fields[i].property, (int)selected, &error);
      }
      break;

    case FIELD_AUDIT:
      {
        RectifyAudit *audit = selected_audit (self);
        gint64 value = audit != NULL ? rectify_entity_get_id (RECTIFY_ENTITY (audit)) : 0;
        gint64 stored = 0;

        g_object_get (nc, fields[i].property, &stored, NULL);
        if (stored == value)
          return;

        g_debug ("Saving %s of %s", fields[i].property, rectify_nonconformity_get_ref (nc));
        ok = rectify_register_update_int64 (self->reg, RECTIFY_ENTITY (nc),
                                            fields[i].property, value, &error);
      }
      break;

    case FIELD_BOOL:
      {
        g_auto(GValue) value = G_VALUE_INIT;
        gboolean active = gtk_switch_get_active (GTK_SWITCH (field_widget (self, i)));
        gboolean stored = FALSE;

        g_object_get (nc, fields[i].property, &stored, NULL);
        if (!stored == !active)
          return;

        g_value_init (&value, G_TYPE_BOOLEAN);
        g_value_set_boolean (&value, active);
        ok = rectify_register_update (self->reg, RECTIFY_ENTITY (nc), fields[i].property,
                                      &value, &error);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      if (nc == self->nc)
        load_field (self, i);
      report_error (self, error);
    }
}

static void flush_causes (RectifyNcEditor *self);

static void
flush (RectifyNcEditor *self)
{
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);

  if (self->causes_list != NULL)
    flush_causes (self);

  while (self->dirty != 0)
    {
      guint i = (guint)g_bit_nth_lsf (self->dirty, -1);

      self->dirty &= ~(1u << i);
      save_field (self, i);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RectifyNcEditor *self = user_data;

  self->save_timeout_id = 0;
  flush (self);

  return G_SOURCE_REMOVE;
}

static int
widget_field (GObject *object)
{
  return GPOINTER_TO_INT (g_object_get_data (object, "rectify-field")) - 1;
}

static void schedule_refresh (RectifyNcEditor *self);

/* Callbacks */

static void
text_changed_cb (GObject         *object,
                 RectifyNcEditor *self)
{
  int i = widget_field (object);

  if (self->updating > 0 || self->nc == NULL || i < 0)
    return;

  self->dirty |= 1u << i;
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* Combos, dates and the requirement save at once (after any pending text edit, so the history
 * keeps the order of the user's changes). */
static void
value_changed_cb (GObject         *object,
                  GParamSpec      *pspec,
                  RectifyNcEditor *self)
{
  int i = widget_field (object);

  if (i < 0)
    return;

  if (fields[i].kind == FIELD_AUDIT)
    update_audit_actions (self);

  if (self->updating > 0 || self->nc == NULL)
    return;

  self->dirty |= 1u << i;
  flush (self);
}

static void
commit_cb (RectifyNcEditor *self)
{
  flush (self);
}

static void
nc_notify_cb (RectifyNcEditor *self,
              GParamSpec      *pspec,
              GObject         *object)
{
  int i;

  if ((RectifyNonconformity *)object != self->nc)
    return;

  if (g_strcmp0 (pspec->name, "ref") == 0 ||
      g_strcmp0 (pspec->name, "status") == 0 ||
      g_strcmp0 (pspec->name, "closed-on") == 0 ||
      g_strcmp0 (pspec->name, "closed-by") == 0)
    {
      load_header (self);
      schedule_refresh (self);
      return;
    }

  i = find_field (pspec->name);
  if (i < 0)
    return;

  /* A change from elsewhere (undo, another view) wins over an edit not yet saved. */
  self->dirty &= ~(1u << i);
  load_field (self, (guint)i);
}

static void
audits_changing_cb (RectifyNcEditor *self)
{
  /* The combo row's selection follows the model before we can resync it: hold saves. */
  self->updating++;
}

static void
audits_changed_cb (RectifyNcEditor *self)
{
  self->updating--;
  load_field (self, (guint)find_field ("audit-id"));
  apply_locks (self);
}

static char *
audit_item_label (GObject *item)
{
  if (RECTIFY_IS_AUDIT (item))
    return g_strdup (rectify_audit_get_title (RECTIFY_AUDIT (item)));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  return g_strdup ("");
}

static void
audit_created_cb (RectifyNcEditor    *self,
                  RectifyAudit       *audit,
                  RectifyAuditDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (self->nc == NULL || self->reg == NULL)
    return;

  flush (self);
  if (!rectify_register_update_int64 (self->reg, RECTIFY_ENTITY (self->nc), "audit-id",
                                      rectify_entity_get_id (RECTIFY_ENTITY (audit)), &error))
    report_error (self, error);

  load_field (self, (guint)find_field ("audit-id"));
}

static void
open_audit_dialog (RectifyNcEditor *self,
                   RectifyAudit    *audit)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_if_fail (self->reg != NULL);

  flush (self);
  dialog = rectify_audit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->reg, audit);
  if (audit == NULL)
    g_signal_connect_object (dialog, "audit-created", G_CALLBACK (audit_created_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_audit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_audit_dialog (RECTIFY_NC_EDITOR (widget), NULL);
}

static void
edit_audit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);
  RectifyAudit *audit = selected_audit (self);

  if (audit != NULL)
    open_audit_dialog (self, audit);
}

static void
install_css (void)
{
  static gboolean installed = FALSE;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (installed || display == NULL)
    return;

  /* Multi-line fields sit inside boxed-list rows: no second background. A cause's text is a
   * field of its own in its row, shaped like an entry. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "textview.rectify-text-field,"
                                   "textview.rectify-text-field > text,"
                                   "textview.rectify-cause-text > text"
                                   " { background: none; }"
                                   "textview.rectify-cause-text"
                                   " { background-color: alpha(currentColor, 0.1); border-radius: 6px;"
                                   "   outline: 0 solid transparent; outline-offset: 2px; }"
                                   "textview.rectify-cause-text:focus-within"
                                   " { outline: 2px solid alpha(@accent_color, 0.5); outline-offset: -2px; }"
                                   "row.rectify-overdue .subtitle { color: @error_color; opacity: 1; }",
                                   -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  installed = TRUE;
}

static void
connect_fields (RectifyNcEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = field_widget (self, i);
      gpointer tag = GINT_TO_POINTER ((int)i + 1);

      g_object_set_data (G_OBJECT (widget), "rectify-field", tag);

      switch (fields[i].kind)
        {
        case FIELD_ENTRY:
          {
            GtkEventController *focus = gtk_event_controller_focus_new ();

            g_signal_connect_object (widget, "changed", G_CALLBACK (text_changed_cb), self, 0);
            g_signal_connect_object (widget, "entry-activated", G_CALLBACK (commit_cb), self,
                                     G_CONNECT_SWAPPED);
            g_signal_connect_object (focus, "leave", G_CALLBACK (commit_cb), self,
                                     G_CONNECT_SWAPPED);
            gtk_widget_add_controller (widget, focus);
          }
          break;

        case FIELD_TEXT:
          {
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
            GtkEventController *focus = gtk_event_controller_focus_new ();

            g_object_set_data (G_OBJECT (buffer), "rectify-field", tag);
            g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, 0);
            g_signal_connect_object (focus, "leave", G_CALLBACK (commit_cb), self,
                                     G_CONNECT_SWAPPED);
            gtk_widget_add_controller (widget, focus);
          }
          break;

        case FIELD_REQUIREMENT:
          g_signal_connect_object (widget, "notify::requirement",
                                   G_CALLBACK (value_changed_cb), self, 0);
          break;

        case FIELD_DATE:
          g_signal_connect_object (widget, "notify::date", G_CALLBACK (value_changed_cb), self, 0);
          break;

        case FIELD_ENUM:
        case FIELD_AUDIT:
          g_signal_connect_object (widget, "notify::selected",
                                   G_CALLBACK (value_changed_cb), self, 0);
          break;

        case FIELD_BOOL:
          g_signal_connect_object (widget, "notify::active",
                                   G_CALLBACK (value_changed_cb), self, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static GtkStringList *
enum_labels (GType type,
             int   n_values)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int v = 0; v < n_values; v++)
    gtk_string_list_append (list, rectify_enum_to_label (type, v));

  return list;
}

/* The lifecycle: step header, causes, actions, approval, evidence, review, closure */

static const char * const approval_roles[] = {
  "management",
  "process-owner",
  "certification-body",
};

static void refresh_now (RectifyNcEditor *self);

static void
report_message (RectifyNcEditor *self,
                const char      *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static char *
today (void)
{
  return rectify_date_today ();
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child too. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static GtkWidget *
flat_icon_button (const char *icon_name,
                  const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static gboolean
uses_cb_acceptance (RectifyNcEditor *self)
{
  RectifyPolicy policy;

  if (self->reg == NULL || self->nc == NULL)
    return FALSE;

  rectify_register_get_policy (self->reg, &policy);
  return policy.cb_acceptance_for_major &&
         rectify_nonconformity_get_grade (self->nc) == RECTIFY_GRADE_MAJOR;
}

/* Scrolls the editor so @widget shows, and gives it the keyboard focus. */
static void
reveal_widget (RectifyNcEditor *self,
               GtkWidget       *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  if (scrolled != NULL)
    {
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double x, y;

      if (content != NULL && gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y))
        gtk_adjustment_set_value (adj, MAX (0, y - 48));
    }

  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* The widget where a missing condition is fixed. */
static GtkWidget *
condition_widget (RectifyNcEditor          *self,
                  RectifyWorkflowCondition  condition)
{
  GtkWidget *first_action = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list));

  switch (condition)
    {
    case RECTIFY_WORKFLOW_CONDITION_STATEMENT:
      return GTK_WIDGET (self->statement_view);
    case RECTIFY_WORKFLOW_CONDITION_REQUIREMENT:
      return GTK_WIDGET (self->requirement_row);
    case RECTIFY_WORKFLOW_CONDITION_EVIDENCE:
      return GTK_WIDGET (self->evidence_view);
    case RECTIFY_WORKFLOW_CONDITION_CORRECTION:
    case RECTIFY_WORKFLOW_CONDITION_RESPONSE:
      return GTK_WIDGET (self->correction_view);
    case RECTIFY_WORKFLOW_CONDITION_CORRECTION_REASON:
      return GTK_WIDGET (self->correction_reason_row);
    case RECTIFY_WORKFLOW_CONDITION_ROOT_CAUSE:
      {
        GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->causes_list));
        GtkWidget *check = row != NULL ? g_object_get_data (G_OBJECT (row), "root-check") : NULL;

        return check != NULL ? check : GTK_WIDGET (self->add_cause_button);
      }
    case RECTIFY_WORKFLOW_CONDITION_ACTIONS:
      return GTK_WIDGET (self->add_action_button);
    case RECTIFY_WORKFLOW_CONDITION_ACTION_OWNER:
    case RECTIFY_WORKFLOW_CONDITION_ACTION_TARGET:
    case RECTIFY_WORKFLOW_CONDITION_ACTION_CRITERION:
    case RECTIFY_WORKFLOW_CONDITION_ACTION_DONE:
    case RECTIFY_WORKFLOW_CONDITION_ACTION_EVIDENCE:
      return ADW_IS_ACTION_ROW (first_action) ? first_action : GTK_WIDGET (self->add_action_button);
    case RECTIFY_WORKFLOW_CONDITION_APPROVAL:
    case RECTIFY_WORKFLOW_CONDITION_CB_ACCEPTANCE:
      return GTK_WIDGET (self->approval_role_row);
    case RECTIFY_WORKFLOW_CONDITION_VERIFICATION:
    case RECTIFY_WORKFLOW_CONDITION_VERIFICATION_NOT_EFFECTIVE:
      return GTK_WIDGET (self->verification_result_row);
    case RECTIFY_WORKFLOW_CONDITION_NONE:
    case RECTIFY_WORKFLOW_CONDITION_INVALID_STATUS:
    case RECTIFY_WORKFLOW_CONDITION_SAME_STATUS:
    case RECTIFY_WORKFLOW_CONDITION_ONE_STEP:
    case RECTIFY_WORKFLOW_CONDITION_CLOSED:
    case RECTIFY_WORKFLOW_CONDITION_REOPEN_NOT_EFFECTIVE:
    default:
      return NULL;
    }
}

typedef struct
{
  RectifyWorkflowCondition condition;
  guint                    frames;
} RevealLater;

static gboolean
reveal_condition_tick_cb (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);
  RevealLater *later = user_data;
  GtkWidget *target = condition_widget (self, later->condition);

  /* Once the editor has laid out the NC it just got (a frame or two) */
  if (target != NULL && gtk_widget_get_mapped (target))
    {
      reveal_widget (self, target);
      return G_SOURCE_REMOVE;
    }

  return ++later->frames < 30 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/**
 * rectify_nc_editor_reveal_condition:
 * @condition: a #RectifyWorkflowCondition the NC misses
 *
 * Scrolls the editor to where @condition is fixed and focuses it (on the next frames, once the
 * editor shows its NC), as the rows under "To move on" do. Nothing happens for a condition that
 * no field of the editor fixes.
 */
void
rectify_nc_editor_reveal_condition (RectifyNcEditor *self,
                                    int              condition)
{
  RevealLater *later;

  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));

  later = g_new0 (RevealLater, 1);
  later->condition = (RectifyWorkflowCondition)condition;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_condition_tick_cb, later, g_free);
}

static void
missing_row_activated_cb (AdwActionRow    *row,
                          RectifyNcEditor *self)
{
  int condition = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "condition"));
  GtkWidget *widget = condition_widget (self, (RectifyWorkflowCondition)condition);

  if (widget != NULL)
    reveal_widget (self, widget);
}

static void
refresh_step (RectifyNcEditor *self)
{
  RectifyStatus status = rectify_nonconformity_get_status (self->nc);
  RectifyStatus next = rectify_workflow_next (status);
  RectifyStatus previous = rectify_workflow_previous (status);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *step = NULL;
  RectifyPolicy policy;
  gboolean can_next = FALSE;
  gboolean light;

  rectify_register_get_policy (self->reg, &policy);
  light = rectify_workflow_uses_light_path (rectify_nonconformity_get_grade (self->nc), &policy);

  /* Translators: "Step 3 of 7 · Action planned" */
  step = g_strdup_printf (_("Step %d of %d · %s"), (int)status + 1, RECTIFY_N_STATUSES,
                          rectify_enum_to_label (RECTIFY_TYPE_STATUS, status));
  gtk_label_set_label (self->step_label, step);
  gtk_level_bar_set_value (self->step_bar, (double)status + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, step, -1);

  clear_list (self->missing_list);

  if (status != RECTIFY_STATUS_CLOSED)
    {
      /* Translators: %s is the next status */
      g_autofree char *label = g_strdup_printf (_("_Move to %s"),
                                                rectify_enum_to_label (RECTIFY_TYPE_STATUS, next));

      can_next = rectify_register_can_move (self->reg, self->nc, next, &missing);
      gtk_label_set_text_with_mnemonic (self->move_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->move_button), gtk_label_get_text (self->move_label));

      for (guint i = 0; missing != NULL && i < missing->len; i++)
        {
          RectifyWorkflowMissing *item = g_ptr_array_index (missing, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          g_autofree char *title = escape (item->message);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Missing"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          g_object_set_data (G_OBJECT (row), "condition", GINT_TO_POINTER ((int)item->condition));
          if (condition_widget (self, item->condition) != NULL)
            {
              adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                         gtk_image_new_from_icon_name ("go-next-symbolic"));
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              gtk_widget_set_tooltip_text (row, _("Go to the field"));
              g_signal_connect_object (row, "activated", G_CALLBACK (missing_row_activated_cb),
                                       self, 0);
            }
          gtk_list_box_append (self->missing_list, row);
        }
    }

  /* The main button takes the next step; on a closed NC the only step left is reopening. */
  if (status == RECTIFY_STATUS_CLOSED)
    {
      gtk_label_set_text_with_mnemonic (self->move_label, _("_Reopen for Analysis"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->move_button), gtk_label_get_text (self->move_label));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->move_button), "editor.reopen");
      gtk_widget_remove_css_class (GTK_WIDGET (self->move_button), "suggested-action");
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->move_button), "editor.move-next");
      gtk_widget_add_css_class (GTK_WIDGET (self->move_button), "suggested-action");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_list), missing != NULL && missing->len > 0);
  if (status == RECTIFY_STATUS_CLOSED)
    {
      g_autofree char *on = _rectify_date_button_format (rectify_nonconformity_get_closed_on (self->nc));
      const char *by = rectify_nonconformity_get_closed_by (self->nc);
      g_autofree char *text = NULL;

      if (by != NULL)
        /* Translators: closed on <date> by <name> */
        text = g_strdup_printf (_("Closed on %s by %s."), on, by);
      else
        /* Translators: %s is a date */
        text = g_strdup_printf (_("Closed on %s."), on);
      gtk_label_set_label (self->missing_label, text);
    }
  else if (can_next)
    gtk_label_set_label (self->missing_label, _("Everything needed to move on is recorded."));
  else
    gtk_label_set_label (self->missing_label, _("To move on:"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-next",
                                 can_next && !self->read_only);

  /* The other moves */
  if (status != RECTIFY_STATUS_REPORTED && status != RECTIFY_STATUS_CLOSED)
    {
      /* Translators: %s is the previous status */
      g_autofree char *label = g_strdup_printf (_("Move _Back to %s"),
                                                rectify_enum_to_label (RECTIFY_TYPE_STATUS, previous));

      g_menu_append (menu, label, "editor.move-back");
    }
  if (status == RECTIFY_STATUS_VERIFICATION)
    g_menu_append (menu, _("_Reopen for Analysis"), "editor.reopen");
  /* The lighter path of observations and OFIs: closing at once, beside the next step. */
  gtk_widget_set_visible (GTK_WIDGET (self->close_button),
                          light && status != RECTIFY_STATUS_CLOSED && next != RECTIFY_STATUS_CLOSED);
  gtk_menu_button_set_menu_model (self->move_menu_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->move_menu_button),
                          g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-back",
                                 !self->read_only &&
                                 status != RECTIFY_STATUS_REPORTED && status != RECTIFY_STATUS_CLOSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reopen",
                                 !self->read_only &&
                                 rectify_register_can_move (self->reg, self->nc,
                                                            RECTIFY_STATUS_ANALYSIS, NULL) &&
                                 (status == RECTIFY_STATUS_VERIFICATION ||
                                  status == RECTIFY_STATUS_CLOSED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.close",
                                 !self->read_only &&
                                 light && status != RECTIFY_STATUS_CLOSED &&
                                 rectify_register_can_move (self->reg, self->nc,
                                                            RECTIFY_STATUS_CLOSED, NULL));
}

/* Causes */

static char *
cause_view_get_text (GtkWidget *view)
{
  return g_strstrip (text_view_get_text (GTK_TEXT_VIEW (view)));
}

static void
save_cause_text (RectifyNcEditor *self,
                 GtkWidget       *view)
{
  RectifyCause *cause = g_object_get_data (G_OBJECT (view), "cause");
  g_autofree char *text = cause_view_get_text (view);
  g_autoptr(GError) error = NULL;
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "timeout"));
  const char *stored;

  if (id != 0)
    {
      g_source_remove (id);
      g_object_set_data (G_OBJECT (view), "timeout", NULL);
    }

  if (cause == NULL || self->reg == NULL || self->updating > 0)
    return;

  stored = rectify_cause_get_text (cause);
  if (g_strcmp0 (text, stored != NULL ? stored : "") == 0)
    return;

  if (!rectify_register_update_string (self->reg, RECTIFY_ENTITY (cause), "text",
                                       text[0] != '\0' ? text : NULL, &error))
    {
      report_error (self, error);
      self->updating++;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                stored != NULL ? stored : "", -1);
      self->updating--;
    }
}

/* Saves the cause texts still waiting for the pause in typing. */
static void
flush_causes (RectifyNcEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->causes_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *view = g_object_get_data (G_OBJECT (row), "text-view");

      if (view != NULL && g_object_get_data (G_OBJECT (view), "timeout") != NULL)
        save_cause_text (self, view);
    }
}

static gboolean
cause_text_timeout_cb (gpointer data)
{
  GtkWidget *view = data;
  RectifyNcEditor *self = g_object_get_data (G_OBJECT (view), "editor");

  g_object_set_data (G_OBJECT (view), "timeout", NULL);
  if (self != NULL)
    save_cause_text (self, view);

  return G_SOURCE_REMOVE;
}

static void
cause_text_changed_cb (GtkTextBuffer   *buffer,
                       RectifyNcEditor *self)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "text-view");
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view), "timeout"));

  if (self->updating > 0)
    return;

  if (id != 0)
    g_source_remove (id);
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, SAVE_DELAY_MS, cause_text_timeout_cb,
                           g_object_ref (view), g_object_unref);
  g_object_set_data (G_OBJECT (view), "timeout", GUINT_TO_POINTER (id));
}

/* Enter saves the cause (one paragraph, as in the diagram); Shift+Enter is a new line. */
static gboolean
cause_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      RectifyNcEditor       *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      save_cause_text (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
      return TRUE;
    }

  return FALSE;
}

static void
cause_focus_leave_cb (GtkEventController *focus,
                      RectifyNcEditor    *self)
{
  save_cause_text (self, gtk_event_controller_get_widget (focus));
}

static void
cause_category_cb (GtkDropDown     *dropdown,
                   GParamSpec      *pspec,
                   RectifyNcEditor *self)
{
  RectifyCause *cause = g_object_get_data (G_OBJECT (dropdown), "cause");
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->updating > 0 || cause == NULL || self->category_names == NULL ||
      selected >= g_strv_length (self->category_names))
    return;
  if (g_strcmp0 (rectify_cause_get_category (cause), self->category_names[selected]) == 0)
    return;

  if (!rectify_register_update_string (self->reg, RECTIFY_ENTITY (cause), "category",
                                       self->category_names[selected], &error))
    report_error (self, error);
}

static void
cause_root_cb (GtkCheckButton  *check,
               GParamSpec      *pspec,
               RectifyNcEditor *self)
{
  RectifyCause *cause = g_object_get_data (G_OBJECT (check), "cause");
  gboolean active = gtk_check_button_get_active (check);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (self->updating > 0 || cause == NULL || !active == !rectify_cause_get_is_root (cause))
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, active);
  if (!rectify_register_update (self->reg, RECTIFY_ENTITY (cause), "is-root", &value, &error))
    {
      report_error (self, error);
      self->updating++;
      gtk_check_button_set_active (check, rectify_cause_get_is_root (cause));
      self->updating--;
    }
}

static void
remove_cause_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          RectifyNcEditor  *self)
{
  RectifyCause *cause = g_object_get_data (G_OBJECT (dialog), "cause");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->reg == NULL)
    return;

  if (!rectify_register_remove (self->reg, RECTIFY_ENTITY (cause), &error))
    report_error (self, error);
  refresh_now (self);
}

static void
remove_cause_cb (GtkButton       *button,
                 RectifyNcEditor *self)
{
  RectifyCause *cause = g_object_get_data (G_OBJECT (button), "cause");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *text = rectify_cause_get_text (cause);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove Cause?"), text);
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "has-whys")))
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: %s is the text of a cause */
                                    _("“%s” and the whys that answer it are removed."),
                                    text != NULL ? text : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cause", g_object_ref (cause), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_cause_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The bone of a cause in the editor's list of bones (the register's default ones, then those
 * the NC's causes use). */
static guint
category_position (RectifyNcEditor *self,
                   const char      *category)
{
  if (category == NULL || category[0] == '\0')
    category = "Other";

  for (guint i = 0; self->category_names != NULL && self->category_names[i] != NULL; i++)
    if (g_str_equal (self->category_names[i], category) ||
        g_str_equal (rectify_fishbone_category_label (self->category_names[i]), category))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
load_cause_row (RectifyNcEditor *self,
                GtkWidget       *row)
{
  RectifyCause *cause = g_object_get_data (G_OBJECT (row), "cause");
  GtkWidget *view = g_object_get_data (G_OBJECT (row), "text-view");
  GtkWidget *dropdown = g_object_get_data (G_OBJECT (row), "category");
  GtkWidget *check = g_object_get_data (G_OBJECT (row), "root-check");
  const char *text = rectify_cause_get_text (cause);
  g_autofree char *shown = text_view_get_text (GTK_TEXT_VIEW (view));

  self->updating++;
  /* Not while it is being typed in. */
  if (!gtk_widget_has_focus (view) &&
      g_object_get_data (G_OBJECT (view), "timeout") == NULL &&
      g_strcmp0 (shown, text != NULL ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text != NULL ? text : "", -1);
  if (dropdown != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                category_position (self, rectify_cause_get_category (cause)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), rectify_cause_get_is_root (cause));
  if (rectify_cause_get_is_root (cause))
    gtk_widget_add_css_class (row, "rectify-root-cause");
  else
    gtk_widget_remove_css_class (row, "rectify-root-cause");
  self->updating--;
}

static void
category_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
category_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

/* A cause: its text (several lines if need be), and either its bone (a top-level cause) or,
 * indented under the cause it answers, nothing more (a why of a 5 Whys chain stays on its
 * chain's bone); its root-cause mark, and a button to remove it. */
static GtkWidget *
create_cause_row (RectifyNcEditor *self,
                  RectifyCause    *cause,
                  guint            depth,
                  gboolean         has_whys)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *options = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *view = g_object_new (RECTIFY_TYPE_TEXT_FIELD,
                                  "wrap-mode", GTK_WRAP_WORD_CHAR,
                                  "accepts-tab", FALSE,
                                  "top-margin", 6,
                                  "bottom-margin", 6,
                                  "left-margin", 8,
                                  "right-margin", 8,
                                  NULL);
  GtkWidget *dropdown = NULL;
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Root _cause"));
  GtkWidget *remove = flat_icon_button ("user-trash-symbolic", _("Remove Cause"));
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), depth > 0 ? _("Why") : _("Cause"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12 + 18 * (int)MIN (depth, 4));
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (view, "rectify-cause-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  depth > 0 ? _("Why") : _("Cause"), -1);
  gtk_widget_set_tooltip_text (view, _("What caused it? Enter saves."));
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (line), view);
  gtk_box_append (GTK_BOX (line), remove);

  if (depth == 0)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->category_model)), NULL);
      g_signal_connect (factory, "setup", G_CALLBACK (category_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (category_bind_cb), NULL);
      gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
      gtk_widget_set_tooltip_text (dropdown, _("Bone of the fishbone diagram"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Category"), -1);
      rectify_accessible_name_drop_down (GTK_DROP_DOWN (dropdown));
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (options), dropdown);
    }
  else
    {
      GtkWidget *why = gtk_label_new (_("Answers why to the cause above"));

      gtk_label_set_xalign (GTK_LABEL (why), 0);
      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_widget_add_css_class (why, "caption");
      gtk_widget_add_css_class (why, "dim-label");
      gtk_widget_set_valign (why, GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (why, TRUE);
      gtk_box_append (GTK_BOX (options), why);
    }
  gtk_widget_set_halign (check, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (options), check);

  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), options);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "cause", g_object_ref (cause), g_object_unref);
  g_object_set_data (G_OBJECT (row), "depth", GUINT_TO_POINTER (depth));
  g_object_set_data (G_OBJECT (row), "text-view", view);
  g_object_set_data (G_OBJECT (row), "category", dropdown);
  g_object_set_data (G_OBJECT (row), "root-check", check);
  g_object_set_data (G_OBJECT (view), "editor", self);
  g_object_set_data (G_OBJECT (buffer), "text-view", view);
  g_object_set_data_full (G_OBJECT (view), "cause", g_object_ref (cause), g_object_unref);
  if (dropdown != NULL)
    g_object_set_data_full (G_OBJECT (dropdown), "cause", g_object_ref (cause), g_object_unref);
  g_object_set_data_full (G_OBJECT (check), "cause", g_object_ref (cause), g_object_unref);
  g_object_set_data_full (G_OBJECT (remove), "cause", g_object_ref (cause), g_object_unref);
  g_object_set_data (G_OBJECT (remove), "has-whys", GINT_TO_POINTER (has_whys));

  load_cause_row (self, row);

  lock_widget (view, self->read_only);
  lock_widget (dropdown, self->read_only);
  lock_widget (check, self->read_only);
  lock_widget (remove, self->read_only);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (cause_text_changed_cb), self, 0);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (cause_key_pressed_cb), self, 0);
  gtk_widget_add_controller (view, keys);
  g_signal_connect_object (focus, "leave", G_CALLBACK (cause_focus_leave_cb), self, 0);
  gtk_widget_add_controller (view, focus);
  if (dropdown != NULL)
    g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (cause_category_cb), self, 0);
  g_signal_connect_object (check, "notify::active", G_CALLBACK (cause_root_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_cause_cb), self, 0);

  return row;
}

typedef struct
{
  RectifyCause *cause;
  guint         depth;
  gboolean      has_whys;
} CauseItem;

static int
compare_causes (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  RectifyNcEditor *self = user_data;
  RectifyCause *ca = *(RectifyCause **)a;
  RectifyCause *cb = *(RectifyCause **)b;
  guint pa = category_position (self, rectify_cause_get_category (ca));
  guint pb = category_position (self, rectify_cause_get_category (cb));
  gint64 ia = rectify_entity_get_id (RECTIFY_ENTITY (ca));
  gint64 ib = rectify_entity_get_id (RECTIFY_ENTITY (cb));

  /* Top-level causes by bone, as the diagram reads; whys only among themselves. */
  if (rectify_cause_get_parent_id (ca) == 0 && pa != pb)
    return pa < pb ? -1 : 1;
  if (rectify_cause_get_position (ca) != rectify_cause_get_position (cb))
    return rectify_cause_get_position (ca) < rectify_cause_get_position (cb) ? -1 : 1;

  return ia < ib ? -1 : ia > ib;
}

/* Appends the causes that answer @parent_id, each followed by its own whys. */
static void
collect_causes (RectifyNcEditor *self,
                GPtrArray       *all,
                gint64           parent_id,
                guint            depth,
                GArray          *out)
{
  g_autoptr(GPtrArray) level = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      RectifyCause *cause = g_ptr_array_index (all, i);

      if (rectify_cause_get_parent_id (cause) == parent_id)
        g_ptr_array_add (level, cause);
    }
  g_ptr_array_sort_with_data (level, compare_causes, self);

  for (guint i = 0; i < level->len; i++)
    {
      RectifyCause *cause = g_ptr_array_index (level, i);
      gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (cause));
      CauseItem item = { cause, depth, FALSE };
      guint index = out->len;

      g_array_append_val (out, item);
      collect_causes (self, all, id, depth + 1, out);
      g_array_index (out, CauseItem, index).has_whys = out->len > index + 1 &&
                                                      g_array_index (out, CauseItem, index + 1).depth > depth;
    }
}

/* The bones shown in the category lists: the defaults and those the NC's causes use. */
static gboolean
update_categories (RectifyNcEditor *self,
                   GListModel      *causes)
{
  g_auto(GStrv) names = rectify_fishbone_categories_for_causes (causes);
  g_autoptr(GPtrArray) labels = NULL;
  guint n_old;

  if (self->category_names != NULL && g_strv_equal ((const char * const *)names,
                                                    (const char * const *)self->category_names))
    return FALSE;

  labels = g_ptr_array_new ();
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer)rectify_fishbone_category_label (names[i]));
  g_ptr_array_add (labels, NULL);

  g_strfreev (self->category_names);
  self->category_names = g_steal_pointer (&names);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->category_model));
  gtk_string_list_splice (self->category_model, 0, n_old, (const char * const *)labels->pdata);

  return TRUE;
}

/* Causes are updated in place while the same ones are shown in the same tree, so a field being
 * typed in keeps its focus; anything else rebuilds the list. */
static void
refresh_causes (RectifyNcEditor *self)
{
  g_autoptr(GListModel) causes = rectify_register_list_causes (self->reg, self->nc);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (CauseItem));
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->causes_list));
  gboolean same;

  for (guint i = 0; i < g_list_model_get_n_items (causes); i++)
    g_ptr_array_add (all, g_list_model_get_item (causes, i));

  /* New bones: rows are rebuilt (their lists hold the old positions). */
  self->updating++;
  same = !update_categories (self, causes);
  self->updating--;

  collect_causes (self, all, 0, 0, items);

  /* A cause whose parent is gone (or a loop of parents) is still shown, as a cause of its own. */
  if (items->len < all->len)
    {
      g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < items->len; i++)
        g_hash_table_add (shown, g_array_index (items, CauseItem, i).cause);
      for (guint i = 0; i < all->len; i++)
        if (!g_hash_table_contains (shown, g_ptr_array_index (all, i)))
          {
            CauseItem item = { g_ptr_array_index (all, i), 0, FALSE };

            g_array_append_val (items, item);
          }
    }

  for (guint i = 0; same && i < items->len; i++)
    {
      CauseItem *item = &g_array_index (items, CauseItem, i);

      if (row == NULL || g_object_get_data (G_OBJECT (row), "cause") != (gpointer)item->cause ||
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "depth")) != item->depth)
        same = FALSE;
      else
        row = gtk_widget_get_next_sibling (row);
    }
  if (row != NULL && GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "cause") != NULL)
    same = FALSE;

  if (same)
    {
      for (row = gtk_widget_get_first_child (GTK_WIDGET (self->causes_list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (g_object_get_data (G_OBJECT (row), "cause") != NULL)
          load_cause_row (self, row);
      return;
    }

  /* Any text still waiting is saved before its row goes. */
  flush_causes (self);
  clear_list (self->causes_list);
  for (guint i = 0; i < items->len; i++)
    {
      CauseItem *item = &g_array_index (items, CauseItem, i);

      gtk_list_box_append (self->causes_list,
                           create_cause_row (self, item->cause, item->depth, item->has_whys));
    }
}

static void
add_cause_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);
  g_autoptr(RectifyCause) cause = rectify_cause_new ();
  g_autoptr(GError) error = NULL;
  /* "Process": the most common bone of an ISMS finding */
  const char *category = rectify_fishbone_default_categories ()[1];
  GtkWidget *row;

  if (self->nc == NULL || self->reg == NULL)
    return;

  flush (self);
  g_object_set (cause,
                "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (self->nc)),
                "category", category,
                "position", _rectify_cause_next_position (self->reg, self->nc, 0, category),
                NULL);
  if (!rectify_register_add (self->reg, RECTIFY_ENTITY (cause), &error))
    {
      report_error (self, error);
      return;
    }

  refresh_now (self);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->causes_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "cause") == (gpointer)cause)
      reveal_widget (self, g_object_get_data (G_OBJECT (row), "text-view"));
}

static void
root_cause_analysis_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->nc == NULL || self->reg == NULL)
    return;

  flush (self);
  rectify_analysis_window_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->reg, self->nc);
}

/* Actions */

static void
action_dialog_error_cb (RectifyNcEditor *self,
                        const char      *message)
{
  report_message (self, message);
}

static GtkWidget *
open_action_dialog (RectifyNcEditor *self,
                    RectifyAction   *action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  flush (self);
  dialog = rectify_action_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->reg, self->nc, action);
  g_signal_connect_object (dialog, "error", G_CALLBACK (action_dialog_error_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);

  if (self->nc != NULL && self->reg != NULL)
    open_action_dialog (self, NULL);
}

static void
action_row_activated_cb (AdwActionRow    *row,
                         RectifyNcEditor *self)
{
  RectifyAction *action = g_object_get_data (G_OBJECT (row), "action");

  open_action_dialog (self, action);
}

static void
unlink_action_cb (GtkButton       *button,
                  RectifyNcEditor *self)
{
  RectifyAction *action = g_object_get_data (G_OBJECT (button), "action");
  g_autoptr(GError) error = NULL;

  if (!rectify_register_unlink_action (self->reg, self->nc, action, &error))
    report_error (self, error);
  refresh_now (self);
}

static gboolean
action_is_overdue (RectifyAction *action,
                   const char    *date_today)
{
  RectifyActionStatus status = rectify_action_get_status (action);
  const char *target = rectify_action_get_target_on (action);

  return target != NULL && status != RECTIFY_ACTION_STATUS_DONE &&
         status != RECTIFY_ACTION_STATUS_CANCELLED && g_strcmp0 (target, date_today) < 0;
}

/* The references of the NCs other than the one being edited that @action addresses, comma
 * separated, or NULL. (transfer full) */
static char *
other_nc_refs (RectifyNcEditor *self,
               RectifyAction   *action)
{
  g_autoptr(GListModel) ncs = rectify_register_list_nonconformities_for (self->reg, action);
  g_autoptr(GString) refs = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (ncs); i++)
    {
      g_autoptr(RectifyNonconformity) nc = g_list_model_get_item (ncs, i);

      if (self->nc != NULL &&
          rectify_entity_get_id (RECTIFY_ENTITY (nc)) == rectify_entity_get_id (RECTIFY_ENTITY (self->nc)))
        continue;
      g_string_append_printf (refs, "%s%s", refs->len > 0 ? ", " : "", rectify_nonconformity_get_ref (nc));
    }

  return refs->len > 0 ? g_string_free (g_steal_pointer (&refs), FALSE) : NULL;
}

static GtkWidget *
create_action_row (RectifyNcEditor *self,
                   RectifyAction   *action,
                   const char      *date_today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *target = _rectify_date_button_format (rectify_action_get_target_on (action));
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_subtitle = NULL;
  g_autofree char *others = NULL;
  gboolean overdue = action_is_overdue (action, date_today);
  g_autoptr(GListModel) evidence = rectify_register_list_evidence (self->reg, RECTIFY_ENTITY (action));
  guint n_evidence = g_list_model_get_n_items (evidence);

  title = g_strdup_printf ("%s · %s", rectify_action_get_ref (action),
                          rectify_action_get_title (action) != NULL ? rectify_action_get_title (action) : "");
  escaped = escape (title);
  g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u file", "%'u files", n_evidence),
                                            n_evidence);

  /* Translators: owner · target date · status · "2 files" */
  subtitle = g_strdup_printf (_("%s · target %s%s · %s · %s"),
                              rectify_action_get_owner (action) != NULL
                              ? rectify_action_get_owner (action) : _("No owner"),
                              target, overdue ? _(" (overdue)") : "",
                              rectify_enum_to_label (RECTIFY_TYPE_ACTION_STATUS,
                                                     rectify_action_get_status (action)),
                              files);
  /* One action may address several NCs: say which others. */
  others = other_nc_refs (self, action);
  if (others != NULL)
    {
      /* Translators: %s lists references of nonconformities ("NC-002, NC-021") */
      g_autofree char *also = g_strdup_printf (_("Also addresses %s"), others);
      char *joined = g_strconcat (subtitle, "\n", also, NULL);

      g_free (subtitle);
      subtitle = joined;
    }
  escaped_subtitle = escape (subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit the action"));

  if (overdue)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Overdue"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "rectify-overdue");
    }
  else if (rectify_action_get_status (action) == RECTIFY_ACTION_STATUS_DONE)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (icon, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Done"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  button = flat_icon_button ("list-remove-symbolic", _("Unlink Action"));
  lock_widget (button, self->read_only);
  g_object_set_data_full (G_OBJECT (button), "action", g_object_ref (action), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (unlink_action_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_object_set_data_full (G_OBJECT (row), "action", g_object_ref (action), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (action_row_activated_cb), self, 0);

  return row;
}

static void
refresh_actions (RectifyNcEditor *self)
{
  g_autoptr(GListModel) actions = rectify_register_list_actions_for (self->reg, self->nc);
  g_autofree char *date_today = today ();

  clear_list (self->actions_list);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);

      gtk_list_box_append (self->actions_list, create_action_row (self, action, date_today));
    }
}

static void
link_row_activated_cb (GtkListBox      *list,
                       GtkListBoxRow   *row,
                       RectifyNcEditor *self)
{
  RectifyAction *action = g_object_get_data (G_OBJECT (row), "action");
  g_autoptr(GError) error = NULL;

  if (action == NULL || self->nc == NULL)
    return;

  if (!rectify_register_link_action (self->reg, self->nc, action, &error))
    report_error (self, error);
  gtk_popover_popdown (self->link_popover);
  refresh_now (self);
}

static void
refresh_link_list (RectifyNcEditor *self)
{
  g_autoptr(GListModel) linked = NULL;
  g_autofree char *needle = NULL;
  GListModel *all;

  clear_list (self->link_list);
  if (self->reg == NULL || self->nc == NULL)
    return;

  linked = rectify_register_list_actions_for (self->reg, self->nc);
  needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->link_search_entry)), -1);
  all = rectify_register_get_actions (self->reg);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (all, i);
      g_autofree char *text = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *refs = NULL;
      gboolean is_linked = FALSE;
      GtkWidget *row, *label, *box;

      for (guint j = 0; j < g_list_model_get_n_items (linked) && !is_linked; j++)
        {
          g_autoptr(RectifyAction) other = g_list_model_get_item (linked, j);

          is_linked = rectify_entity_get_id (RECTIFY_ENTITY (other)) ==
                      rectify_entity_get_id (RECTIFY_ENTITY (action));
        }
      if (is_linked)
        continue;

      text = g_strdup_printf ("%s · %s", rectify_action_get_ref (action),
                              rectify_action_get_title (action) != NULL ? rectify_action_get_title (action) : "");
      folded = g_utf8_casefold (text, -1);
      if (needle[0] != '\0' && strstr (folded, needle) == NULL)
        continue;

      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (box), label);
      refs = other_nc_refs (self, action);
      if (refs != NULL)
        {
          /* Translators: %s lists references of nonconformities ("NC-002, NC-021") */
          g_autofree char *addresses = g_strdup_printf (_("Addresses %s"), refs);
          GtkWidget *caption = gtk_label_new (addresses);

          gtk_label_set_xalign (GTK_LABEL (caption), 0);
          gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (caption), 40);
          gtk_widget_add_css_class (caption, "caption");
          gtk_widget_add_css_class (caption, "dim-label");
          gtk_box_append (GTK_BOX (box), caption);
        }
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "action", g_object_ref (action), g_object_unref);
      gtk_list_box_append (self->link_list, row);
    }
}

static void
link_popover_show_cb (RectifyNcEditor *self)
{
  flush (self);
  gtk_editable_set_text (GTK_EDITABLE (self->link_search_entry), "");
  refresh_link_list (self);
}

static void
link_search_changed_cb (RectifyNcEditor *self)
{
  refresh_link_list (self);
}

static void
link_search_activate_cb (RectifyNcEditor *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->link_list, 0);

  if (row != NULL)
    link_row_activated_cb (self->link_list, row, self);
}

/* Similar nonconformities (clause 10.2 b) */

/* Whether @other was reported before @nc: by the date reported, then by the order recorded. */
static gboolean
is_earlier (RectifyNonconformity *other,
            RectifyNonconformity *nc)
{
  const char *a = rectify_nonconformity_get_reported_on (other);
  const char *b = rectify_nonconformity_get_reported_on (nc);
  int cmp = a != NULL && b != NULL ? strcmp (a, b) : 0;

  if (cmp != 0)
    return cmp < 0;

  return rectify_entity_get_id (RECTIFY_ENTITY (other)) < rectify_entity_get_id (RECTIFY_ENTITY (nc));
}

static void
similar_row_activated_cb (AdwActionRow    *row,
                          RectifyNcEditor *self)
{
  RectifyNonconformity *other = g_object_get_data (G_OBJECT (row), "nc");

  flush (self);
  g_signal_emit (self, signals[SHOW_NONCONFORMITY], 0, other);
}

static void
similar_link_activated_cb (GtkListBox      *list,
                           GtkListBoxRow   *row,
                           RectifyNcEditor *self)
{
  RectifyAction *action = g_object_get_data (G_OBJECT (row), "action");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
  g_autoptr(GError) error = NULL;

  if (action == NULL || self->nc == NULL || self->reg == NULL)
    return;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  flush (self);
  if (!rectify_register_link_action (self->reg, self->nc, action, &error))
    report_error (self, error);
  refresh_now (self);
}

static gboolean
action_in (GListModel    *actions,
           RectifyAction *action)
{
  gint64 id = rectify_entity_get_id (RECTIFY_ENTITY (action));

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RectifyAction) other = g_list_model_get_item (actions, i);

      if (rectify_entity_get_id (RECTIFY_ENTITY (other)) == id)
        return TRUE;
    }

  return FALSE;
}

/* A menu button that links one of @other's corrective actions to the NC being edited, or NULL
 * when it has none that is not linked already (or cancelled). */
static GtkWidget *
create_similar_link_button (RectifyNcEditor      *self,
                            RectifyNonconformity *other,
                            GListModel           *linked)
{
  g_autoptr(GListModel) actions = rectify_register_list_actions_for (self->reg, other);
  g_autofree char *label = NULL;
  GtkWidget *button, *popover, *box, *heading, *list;
  guint n = 0;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);
      g_autofree char *text = NULL;
      GtkWidget *row, *row_box, *title, *subtitle;

      if (rectify_action_get_status (action) == RECTIFY_ACTION_STATUS_CANCELLED ||
          action_in (linked, action))
        continue;

      text = g_strdup_printf ("%s · %s", rectify_action_get_ref (action),
                              rectify_action_get_title (action) != NULL ? rectify_action_get_title (action) : "");
      title = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
      subtitle = gtk_label_new (rectify_enum_to_label (RECTIFY_TYPE_ACTION_STATUS,
                                                       rectify_action_get_status (action)));
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_widget_add_css_class (subtitle, "dim-label");
      row_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (row_box), title);
      gtk_box_append (GTK_BOX (row_box), subtitle);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), row_box);
      g_object_set_data_full (G_OBJECT (row), "action", g_object_ref (action), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      n++;
    }

  if (n == 0)
    {
      g_object_ref_sink (list);
      g_object_unref (list);
      return NULL;
    }

  g_signal_connect_object (list, "row-activated", G_CALLBACK (similar_link_activated_cb), self, 0);

  /* Translators: a heading over the actions of a similar NC; %s is its reference */
  label = g_strdup_printf (_("Link an Action of %s"), rectify_nonconformity_get_ref (other));
  heading = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (heading, 6);
  gtk_widget_set_margin_top (heading, 6);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  button = gtk_menu_button_new ();
  lock_widget (button, self->read_only);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "rectify-link-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "link-list", list);

  return button;
}

static GtkWidget *
create_similar_row (RectifyNcEditor           *self,
                    RectifyNonconformity      *other,
                    const RectifySimilarMatch *match,
                    GListModel                *linked)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *link;
  const char *title = rectify_nonconformity_get_title (other);
  const char *status = rectify_enum_to_label (RECTIFY_TYPE_STATUS, rectify_nonconformity_get_status (other));
  g_autofree char *text = g_strdup_printf ("%s · %s", rectify_nonconformity_get_ref (other),
                                           title != NULL ? title : "");
  g_autofree char *escaped = escape (text);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_subtitle = NULL;
  g_autofree char *tooltip = NULL;

  if (match->reason != NULL && match->reason[0] != '\0')
    /* Translators: the status of a similar NC · why it is similar ("Same requirement A.8.8") */
    subtitle = g_strdup_printf (_("%s · %s"), status, match->reason);
  else
    subtitle = g_strdup (status);
  escaped_subtitle = escape (subtitle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* Translators: %s is an NC reference */
  tooltip = g_strdup_printf (_("Open %s"), rectify_nonconformity_get_ref (other));
  gtk_widget_set_tooltip_text (row, tooltip);

  link = create_similar_link_button (self, other, linked);
  if (link != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "nc", g_object_ref (other), g_object_unref);
  g_object_set_data (G_OBJECT (row), "link-button", link);
  g_signal_connect_object (row, "activated", G_CALLBACK (similar_row_activated_cb), self, 0);

  return row;
}

/* Lists the earlier NCs that are most similar to the one being edited. */
static void
refresh_similar (RectifyNcEditor *self)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  g_clear_handle_id (&self->similar_id, g_source_remove);
  clear_list (self->similar_list);

  if (self->nc == NULL || self->reg == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->similar_group), FALSE);
      return;
    }

  /* Later NCs are left out, so ask for a few more than are shown. */
  matches = rectify_similar_find (self->reg, self->nc, 4 * SIMILAR_MAX, &error);
  if (matches == NULL)
    g_warning ("%s", error->message);

  linked = rectify_register_list_actions_for (self->reg, self->nc);
  for (guint i = 0; matches != NULL && i < matches->len && shown < SIMILAR_MAX; i++)
    {
      RectifySimilarMatch *match = g_ptr_array_index (matches, i);
      RectifyNonconformity *other = rectify_register_lookup_nonconformity (self->reg, match->nc_id);

      if (other == NULL || other == self->nc || !is_earlier (other, self->nc))
        continue;

      gtk_list_box_append (self->similar_list, create_similar_row (self, other, match, linked));
      shown++;
    }

  /* Always while the NC is recorded and analysed (an empty list says none was found); later
   * only when there is something to see. */
  gtk_widget_set_visible (GTK_WIDGET (self->similar_group),
                          shown > 0 ||
                          rectify_nonconformity_get_status (self->nc) <= RECTIFY_STATUS_ANALYSIS);
}

static gboolean
similar_timeout_cb (gpointer user_data)
{
  RectifyNcEditor *self = user_data;

  self->similar_id = 0;
  refresh_similar (self);

  return G_SOURCE_REMOVE;
}

/* Debounced: each change starts the pause again. */
static void
schedule_similar (RectifyNcEditor *self)
{
  g_clear_handle_id (&self->similar_id, g_source_remove);
  if (self->nc != NULL)
    self->similar_id = g_timeout_add (SIMILAR_DELAY_MS, similar_timeout_cb, self);
}

/* Approval */

static gboolean
approval_role_is_cb (RectifyNcEditor *self)
{
  return adw_combo_row_get_selected (self->approval_role_row) == 2;
}

static void
update_approval_form (RectifyNcEditor *self)
{
  gboolean cb = approval_role_is_cb (self);
  g_autoptr(GtkStringList) decisions = NULL;
  guint selected = adw_combo_row_get_selected (self->approval_decision_row);
  GListModel *old = adw_combo_row_get_model (self->approval_decision_row);
  gboolean was_cb = old != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (old), "cb"));

  if (old == NULL || was_cb != cb)
    {
      if (cb)
        decisions = gtk_string_list_new ((const char *[]) { _("Accepted"), _("Not accepted"), NULL });
      else
        decisions = gtk_string_list_new ((const char *[]) { _("Approved"), _("Not approved"), NULL });
      g_object_set_data (G_OBJECT (decisions), "cb", GINT_TO_POINTER (cb));
      adw_combo_row_set_model (self->approval_decision_row, G_LIST_MODEL (decisions));
      adw_combo_row_set_selected (self->approval_decision_row,
                                  selected != GTK_INVALID_LIST_POSITION ? selected : 0);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->resubmit_row),
                          cb && adw_combo_row_get_selected (self->approval_decision_row) == 1);
}

static void
approval_form_changed_cb (RectifyNcEditor *self)
{
  update_approval_form (self);
}

/* The date by which the certification body wants the plan resubmitted, when that is still
 * awaited and has passed (transfer full), else NULL. */
static char *
overdue_resubmission (RectifyNcEditor *self,
                      GPtrArray       *approvals,
                      const char      *date_today)
{
  const char *resubmit_by = rectify_approvals_get_resubmit_by (approvals);

  if (resubmit_by == NULL ||
      rectify_nonconformity_get_status (self->nc) == RECTIFY_STATUS_CLOSED ||
      g_strcmp0 (resubmit_by, date_today) >= 0)
    return NULL;

  return g_strdup (resubmit_by);
}

static void
refresh_approvals (RectifyNcEditor *self)
{
  g_autoptr(GPtrArray) approvals = rectify_register_list_approvals (self->reg, self->nc);
  gboolean cb = uses_cb_acceptance (self);
  g_autoptr(GtkStringList) roles = NULL;
  GListModel *model = adw_combo_row_get_model (self->approval_role_row);
  guint n_roles = cb ? 3 : 2;
  g_autofree char *date_today = today ();
  g_autofree char *overdue_by = overdue_resubmission (self, approvals, date_today);
  guint last_cb = G_MAXUINT;

  if (model == NULL || g_list_model_get_n_items (model) != n_roles)
    {
      guint selected = adw_combo_row_get_selected (self->approval_role_row);

      roles = gtk_string_list_new ((const char *[]) { _("Management"), _("Process owner"), NULL });
      if (cb)
        gtk_string_list_append (roles, _("Certification body"));
      adw_combo_row_set_model (self->approval_role_row, G_LIST_MODEL (roles));
      adw_combo_row_set_selected (self->approval_role_row,
                                  selected < n_roles ? selected : 0);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->approval_group),
                                         cb ? _("Management or the process owner approves the plan; for this major nonconformity the certification body must also accept it")
                                            : _("Management or the process owner approves the plan"));
  update_approval_form (self);

  /* The latest decision of the CB: the only one whose resubmit-by date can still be awaited */
  for (guint i = 0; approvals != NULL && i < approvals->len; i++)
    if (g_strcmp0 (((RectifyApproval *)g_ptr_array_index (approvals, i))->role,
                   "certification-body") == 0)
      last_cb = i;

  clear_list (self->approvals_list);
  for (guint i = 0; approvals != NULL && i < approvals->len; i++)
    {
      RectifyApproval *approval = g_ptr_array_index (approvals, i);
      gboolean is_cb = g_strcmp0 (approval->role, "certification-body") == 0;
      gboolean overdue = i == last_cb && overdue_by != NULL;
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      const char *role = is_cb ? _("Certification body")
                         : g_strcmp0 (approval->role, "management") == 0 ? _("Management")
                         : _("Process owner");
      const char *decision = is_cb ? (approval->approved ? _("Accepted") : _("Not accepted"))
                                   : (approval->approved ? _("Approved") : _("Not approved"));
      g_autofree char *date = _rectify_date_button_format (approval->decided_on);
      g_autofree char *title = g_strdup_printf ("%s: %s", role, decision);
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;

      g_ptr_array_add (parts, g_strdup (approval->approver != NULL ? approval->approver : ""));
      g_ptr_array_add (parts, g_strdup (date));
      if (approval->resubmit_by != NULL)
        {
          g_autofree char *resubmit = _rectify_date_button_format (approval->resubmit_by);
          /* Translators: recorded with the CB's decision; %s is a date */
          g_autofree char *line = g_strdup_printf (_("Resubmit by %s"), resubmit);

          g_ptr_array_add (parts, overdue ? g_strconcat (line, _(" (overdue)"), NULL)
                                          : g_steal_pointer (&line));
        }
      if (approval->comment != NULL && approval->comment[0] != '\0')
        g_ptr_array_add (parts, g_strdup (approval->comment));
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **)parts->pdata);
      escaped = escape (subtitle);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      icon = gtk_image_new_from_icon_name (approval->approved ? "object-select-symbolic"
                                                              : "window-close-symbolic");
      gtk_widget_add_css_class (icon, approval->approved ? "success" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      decision, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (overdue)
        {
          GtkWidget *alarm = gtk_image_new_from_icon_name ("alarm-symbolic");

          gtk_widget_add_css_class (alarm, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (alarm), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Overdue"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), alarm);
          gtk_widget_add_css_class (row, "rectify-overdue");
        }
      gtk_list_box_append (self->approvals_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->approvals_list), approvals != NULL && approvals->len > 0);
}

static void
record_approval_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->approval_by_row))));
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->approval_comment_row))));
  g_autofree char *date = g_strdup (rectify_date_button_get_date (self->approval_on_button));
  guint role = adw_combo_row_get_selected (self->approval_role_row);
  gboolean approved = adw_combo_row_get_selected (self->approval_decision_row) == 0;
  g_autofree char *resubmit_by = NULL;

  if (self->nc == NULL || self->reg == NULL || role >= G_N_ELEMENTS (approval_roles))
    return;

  if (name[0] == '\0')
    {
      report_message (self, _("Enter the name of who decided"));
      reveal_widget (self, GTK_WIDGET (self->approval_by_row));
      return;
    }

  if (date == NULL)
    date = today ();

  /* Only the certification body's "not accepted" has a date to resubmit by */
  if (role == 2 && !approved)
    resubmit_by = g_strdup (rectify_date_button_get_date (self->resubmit_button));

  flush (self);
  if (!rectify_register_record_approval (self->reg, self->nc, approval_roles[role], name, approved,
                                         date, resubmit_by, comment[0] != '\0' ? comment : NULL,
                                         &error))
    {
      report_error (self, error);
      if (resubmit_by != NULL)
        reveal_widget (self, GTK_WIDGET (self->resubmit_row));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->approval_comment_row), "");
  rectify_date_button_set_date (self->resubmit_button, NULL);
  refresh_now (self);
}

/* Effectiveness review */

/* The effectiveness review is due some days after the last action is done (transfer full). */
static char *
effectiveness_due_on (RectifyNcEditor *self)
{
  g_autoptr(GListModel) actions = rectify_register_list_actions_for (self->reg, self->nc);
  const char *last = NULL;
  RectifyPolicy policy;
  guint n_open = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);

      if (rectify_action_get_status (action) == RECTIFY_ACTION_STATUS_CANCELLED)
        continue;
      if (rectify_action_get_status (action) != RECTIFY_ACTION_STATUS_DONE)
        n_open++;
      else if (g_strcmp0 (rectify_action_get_done_on (action), last) > 0)
        last = rectify_action_get_done_on (action);
    }

  rectify_register_get_policy (self->reg, &policy);
  if (n_open > 0 || last == NULL || policy.effectiveness_days == 0)
    return NULL;

  return rectify_date_add_days (last, (int)policy.effectiveness_days);
}

static void
refresh_verifications (RectifyNcEditor *self)
{
  g_autoptr(GListModel) reviews = rectify_register_list_verifications (self->reg, self->nc);
  g_autofree char *due = effectiveness_due_on (self);
  g_autofree char *date_today = today ();
  guint n = g_list_model_get_n_items (reviews);

  if (due != NULL && rectify_nonconformity_get_status (self->nc) != RECTIFY_STATUS_CLOSED)
    {
      g_autofree char *shown = _rectify_date_button_format (due);
      g_autofree char *text = NULL;

      if (g_strcmp0 (due, date_today) < 0)
        /* Translators: %s is a date */
        text = g_strdup_printf (_("Review due %s — overdue"), shown);
      else
        /* Translators: %s is a date */
        text = g_strdup_printf (_("Review due %s"), shown);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->verification_group), text);
    }
  else
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->verification_group),
                                             _("Were the actions effective? Not effective sends the nonconformity back to analysis."));
    }

  clear_list (self->verifications_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RectifyVerification) review = g_list_model_get_item (reviews, i);
      RectifyVerificationResult result = rectify_verification_get_result (review);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      g_autofree char *date = _rectify_date_button_format (rectify_verification_get_verified_on (review));
      g_autofree char *title = g_strdup_printf ("%s · %s",
                                                rectify_enum_to_label (RECTIFY_TYPE_VERIFICATION_RESULT, result),
                                                rectify_enum_to_label (RECTIFY_TYPE_VERIFICATION_METHOD,
                                                                       rectify_verification_get_method (review)));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s",
                                                   rectify_verification_get_verifier (review) != NULL
                                                   ? rectify_verification_get_verifier (review) : "",
                                                   date,
                                                   rectify_verification_get_comment (review) != NULL ? " · " : "",
                                                   rectify_verification_get_comment (review) != NULL
                                                   ? rectify_verification_get_comment (review) : "");
      g_autofree char *escaped = escape (subtitle);
      g_autofree char *escaped_title = NULL;

      if (result == RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE)
        {
          g_autofree char *reopened = g_strdup_printf ("%s — %s", title, _("reopened for analysis"));

          g_free (title);
          title = g_steal_pointer (&reopened);
        }
      escaped_title = escape (title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      icon = gtk_image_new_from_icon_name (result == RECTIFY_VERIFICATION_RESULT_EFFECTIVE ? "object-select-symbolic"
                                           : result == RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE ? "view-refresh-symbolic"
                                           : "content-loading-symbolic");
      gtk_widget_add_css_class (icon, result == RECTIFY_VERIFICATION_RESULT_EFFECTIVE ? "success"
                                      : result == RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE ? "warning"
                                      : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rectify_enum_to_label (RECTIFY_TYPE_VERIFICATION_RESULT, result), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->verifications_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->verifications_list), n > 0);
}

static void
record_verification_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);
  g_autoptr(RectifyVerification) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *verifier = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->verifier_row))));
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->verification_comment_row))));
  g_autofree char *date = g_strdup (rectify_date_button_get_date (self->verified_on_button));
  g_autofree char *due = NULL;
  guint method = adw_combo_row_get_selected (self->verification_method_row);
  guint result = adw_combo_row_get_selected (self->verification_result_row);

  if (self->nc == NULL || self->reg == NULL)
    return;

  if (verifier[0] == '\0')
    {
      report_message (self, _("Enter who reviewed the effectiveness"));
      reveal_widget (self, GTK_WIDGET (self->verifier_row));
      return;
    }

  if (date == NULL)
    date = today ();
  due = effectiveness_due_on (self);

  flush (self);
  review = rectify_verification_new ();
  g_object_set (review,
                "nc-id", rectify_entity_get_id (RECTIFY_ENTITY (self->nc)),
                "due-on", due,
                "method", method != GTK_INVALID_LIST_POSITION ? (int)method : 0,
                "verifier", verifier,
                "verified-on", date,
                "result", result != GTK_INVALID_LIST_POSITION ? (int)result : 0,
                "comment", comment[0] != '\0' ? comment : NULL,
                NULL);
  if (!rectify_register_add (self->reg, RECTIFY_ENTITY (review), &error))
    {
      report_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->verification_comment_row), "");
  refresh_now (self);
}

/* Dates, overdue markers and closure */

/* Marks a date row as overdue (@subtitle says by how much), or not (NULL). The icon is taken out
 * rather than hidden: an empty prefix box would still indent the title. */
static void
set_row_overdue (AdwActionRow *row,
                 const char   *subtitle)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "overdue-icon");

  if (subtitle != NULL && icon == NULL)
    {
      icon = gtk_image_new_from_icon_name ("alarm-symbolic");
      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Overdue"), -1);
      adw_action_row_add_prefix (row, icon);
      g_object_set_data (G_OBJECT (row), "overdue-icon", icon);
    }
  else if (subtitle == NULL && icon != NULL)
    {
      adw_action_row_remove (row, icon);
      g_object_set_data (G_OBJECT (row), "overdue-icon", NULL);
    }

  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");
  if (subtitle != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "rectify-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "rectify-overdue");
}

static void
refresh_dates (RectifyNcEditor *self)
{
  g_autofree char *date_today = today ();
  RectifyStatus status = rectify_nonconformity_get_status (self->nc);
  const char *cap_due = rectify_nonconformity_get_cap_due_on (self->nc);
  gboolean closed = status == RECTIFY_STATUS_CLOSED;
  int days_left;
  g_autofree char *due_text = NULL;
  g_autofree char *cap_text = NULL;

  if (!closed && rectify_nonconformity_get_days_left (self->nc, date_today, &days_left) &&
      days_left < 0)
    due_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                             "Overdue by %d days", (gulong)-days_left), -days_left);
  if (cap_due != NULL && status < RECTIFY_STATUS_AWAITING_APPROVAL && g_strcmp0 (cap_due, date_today) < 0)
    cap_text = g_strdup (_("Overdue"));

  set_row_overdue (self->due_on_row, due_text);
  set_row_overdue (self->cap_due_on_row, cap_text);

  gtk_widget_set_visible (GTK_WIDGET (self->closed_on_row), closed);
  gtk_widget_set_visible (GTK_WIDGET (self->closed_by_row), closed);
  gtk_label_set_label (self->closed_by_label, rectify_nonconformity_get_closed_by (self->nc) != NULL
                                              ? rectify_nonconformity_get_closed_by (self->nc) : "");
}

/* The step card says when the NC is due, and what is overdue: the NC, its action plan, its
 * actions, its effectiveness review. */
static void
refresh_deadline (RectifyNcEditor *self)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GString) late_refs = g_string_new (NULL);
  g_autoptr(GPtrArray) approvals = NULL;
  g_autofree char *date_today = today ();
  g_autofree char *review_due = NULL;
  g_autofree char *resubmit_by = NULL;
  g_autofree char *text = NULL;
  RectifyStatus status = rectify_nonconformity_get_status (self->nc);
  const char *cap_due = rectify_nonconformity_get_cap_due_on (self->nc);
  gboolean overdue = FALSE;
  guint n_late = 0;
  int days_left;

  if (status == RECTIFY_STATUS_CLOSED)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_box), FALSE);
      return;
    }

  if (rectify_nonconformity_get_days_left (self->nc, date_today, &days_left))
    {
      g_autofree char *due = _rectify_date_button_format (rectify_nonconformity_get_due_on (self->nc));

      if (days_left < 0)
        {
          /* Translators: %s is the due date of the NC, %d a number of days */
          g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Overdue by %2$d day (due %1$s)",
                                                                "Overdue by %2$d days (due %1$s)",
                                                                (gulong)-days_left),
                                                   due, -days_left));
          overdue = TRUE;
        }
      else if (days_left == 0)
        g_ptr_array_add (lines, g_strdup (_("Due today")));
      else
        /* Translators: %s is the due date of the NC, %d a number of days */
        g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "Due %1$s, in %2$d day",
                                                              "Due %1$s, in %2$d days",
                                                              (gulong)days_left),
                                                 due, days_left));
    }

  if (cap_due != NULL && status < RECTIFY_STATUS_AWAITING_APPROVAL && g_strcmp0 (cap_due, date_today) < 0)
    {
      g_autofree char *due = _rectify_date_button_format (cap_due);

      /* Translators: %s is a date */
      g_ptr_array_add (lines, g_strdup_printf (_("Corrective action plan overdue since %s"), due));
      overdue = TRUE;
    }

  actions = rectify_register_list_actions_for (self->reg, self->nc);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RectifyAction) action = g_list_model_get_item (actions, i);

      if (action_is_overdue (action, date_today))
        {
          g_string_append_printf (late_refs, "%s%s", n_late > 0 ? ", " : "", rectify_action_get_ref (action));
          n_late++;
        }
    }
  if (n_late > 0)
    {
      /* Translators: %u is a number of actions, %s their references ("A-014, A-015") */
      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%'u action overdue: %s",
                                                            "%'u actions overdue: %s", n_late),
                                               n_late, late_refs->str));
      overdue = TRUE;
    }

  approvals = rectify_register_list_approvals (self->reg, self->nc);
  resubmit_by = overdue_resubmission (self, approvals, date_today);
  if (resubmit_by != NULL)
    {
      g_autofree char *due = _rectify_date_button_format (resubmit_by);

      /* Translators: %s is a date */
      g_ptr_array_add (lines, g_strdup_printf (_("Resubmission to the certification body overdue since %s"),
                                               due));
      overdue = TRUE;
    }

  review_due = status == RECTIFY_STATUS_VERIFICATION ? effectiveness_due_on (self) : NULL;
  if (review_due != NULL && g_strcmp0 (review_due, date_today) < 0)
    {
      g_autofree char *due = _rectify_date_button_format (review_due);

      /* Translators: %s is a date */
      g_ptr_array_add (lines, g_strdup_printf (_("Effectiveness review overdue since %s"), due));
      overdue = TRUE;
    }

  g_ptr_array_add (lines, NULL);
  text = g_strjoinv ("\n", (char **)lines->pdata);
  gtk_label_set_label (self->deadline_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_icon), overdue);
  if (overdue)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_box), text[0] != '\0');
}

static void
refresh_now (RectifyNcEditor *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->nc == NULL || self->reg == NULL)
    return;

  refresh_step (self);
  refresh_causes (self);
  refresh_actions (self);
  refresh_approvals (self);
  refresh_verifications (self);
  refresh_dates (self);
  refresh_deadline (self);
  apply_locks (self);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  RectifyNcEditor *self = user_data;

  self->refresh_id = 0;
  refresh_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (RectifyNcEditor *self)
{
  if (self->refresh_id == 0 && self->nc != NULL)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
register_changed_cb (RectifyNcEditor *self,
                     RectifyEntity   *entity,
                     const char      *property)
{
  schedule_refresh (self);

  /* The text, the requirement or the status of an NC, its actions and their links change what
   * is similar and what can be linked. */
  if (RECTIFY_IS_NONCONFORMITY (entity) || RECTIFY_IS_ACTION (entity))
    schedule_similar (self);
}

/* Moves */

static void
move_to (RectifyNcEditor *self,
         RectifyStatus    to)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;

  if (self->nc == NULL || self->reg == NULL)
    return;

  /* The move is judged on what the user sees. */
  flush (self);
  if (!rectify_register_move (self->reg, self->nc, to, &missing, &error))
    report_error (self, error);

  refresh_now (self);
}

static void
move_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);

  if (self->nc != NULL)
    move_to (self, rectify_workflow_next (rectify_nonconformity_get_status (self->nc)));
}

static void
move_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (widget);

  if (self->nc != NULL)
    move_to (self, rectify_workflow_previous (rectify_nonconformity_get_status (self->nc)));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  move_to (RECTIFY_NC_EDITOR (widget), RECTIFY_STATUS_ANALYSIS);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  move_to (RECTIFY_NC_EDITOR (widget), RECTIFY_STATUS_CLOSED);
}

static void
evidence_error_cb (RectifyNcEditor *self,
                   const char      *message)
{
  report_message (self, message);
}

/* Files dropped anywhere on the editor are evidence of the NC. */
static gboolean
editor_drop_cb (GtkDropTarget   *target,
                const GValue    *value,
                double           x,
                double           y,
                RectifyNcEditor *self)
{
  if (self->nc == NULL || self->read_only || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  return rectify_evidence_list_attach_files (self->evidence_list,
                                             gdk_file_list_get_files (g_value_get_boxed (value))) > 0;
}

static void
setup_lifecycle (RectifyNcEditor *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) results = gtk_string_list_new (NULL);
  GtkDropTarget *target;

  self->category_model = gtk_string_list_new (NULL);

  for (int m = 0; m <= RECTIFY_VERIFICATION_METHOD_ON_SITE; m++)
    gtk_string_list_append (methods, rectify_enum_to_label (RECTIFY_TYPE_VERIFICATION_METHOD, m));
  for (int r = 0; r <= RECTIFY_VERIFICATION_RESULT_NOT_EFFECTIVE; r++)
    gtk_string_list_append (results, rectify_enum_to_label (RECTIFY_TYPE_VERIFICATION_RESULT, r));
  adw_combo_row_set_model (self->verification_method_row, G_LIST_MODEL (methods));
  adw_combo_row_set_model (self->verification_result_row, G_LIST_MODEL (results));

  g_signal_connect_object (self->approval_role_row, "notify::selected",
                           G_CALLBACK (approval_form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->approval_decision_row, "notify::selected",
                           G_CALLBACK (approval_form_changed_cb), self, G_CONNECT_SWAPPED);
  update_approval_form (self);

  g_signal_connect_object (self->link_popover, "show", G_CALLBACK (link_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_search_entry, "search-changed",
                           G_CALLBACK (link_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_search_entry, "activate",
                           G_CALLBACK (link_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_list, "row-activated", G_CALLBACK (link_row_activated_cb),
                           self, 0);
  g_signal_connect_object (self->evidence_list, "error", G_CALLBACK (evidence_error_cb), self,
                           G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (editor_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->page), GTK_EVENT_CONTROLLER (target));
}

/* A register open for reading only: every field and form of the editor is locked. Applied again
 * after each refresh: an AdwComboRow makes itself sensitive again when its model changes. */
static void
apply_locks (RectifyNcEditor *self)
{
  GtkWidget *forms[] = {
    GTK_WIDGET (self->link_action_button),
    GTK_WIDGET (self->approval_role_row),
    GTK_WIDGET (self->approval_by_row),
    GTK_WIDGET (self->approval_on_button),
    GTK_WIDGET (self->approval_decision_row),
    GTK_WIDGET (self->resubmit_button),
    GTK_WIDGET (self->approval_comment_row),
    GTK_WIDGET (self->verification_method_row),
    GTK_WIDGET (self->verifier_row),
    GTK_WIDGET (self->verified_on_button),
    GTK_WIDGET (self->verification_result_row),
    GTK_WIDGET (self->verification_comment_row),
  };

  if (!self->read_only && !self->locked)
    return;

  self->locked = self->read_only;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    lock_widget (field_widget (self, i), self->read_only);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    lock_widget (forms[i], self->read_only);
}

/* Every action that would write is disabled too (the moves follow self->read_only as they
 * refresh); the rows of causes and actions are built locked. */
static void
set_read_only (RectifyNcEditor *self,
               gboolean         read_only)
{
  const char *actions[] = {
    "editor.add-cause", "editor.add-action", "editor.record-approval",
    "editor.record-verification",
  };

  self->read_only = read_only;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !read_only);
  if (read_only)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-next", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-back", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reopen", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.close", FALSE);
    }
  apply_locks (self);
}

/* VFuncs */

static void
rectify_nc_editor_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rectify_nc_editor_parent_class)->map (widget);

  update_audit_actions (RECTIFY_NC_EDITOR (widget));
}

static void
rectify_nc_editor_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rectify_nc_editor_parent_class)->unmap (widget);

  update_audit_actions (RECTIFY_NC_EDITOR (widget));
}

static void
rectify_nc_editor_dispose (GObject *object)
{
  RectifyNcEditor *self = RECTIFY_NC_EDITOR (object);

  /* Never lose an edit. */
  flush (self);

  if (self->nc != NULL)
    g_clear_signal_handler (&self->nc_notify_id, self->nc);
  g_clear_object (&self->nc);

  if (self->audit_row != NULL)
    adw_combo_row_set_model (self->audit_row, NULL);

  /* No gtk_widget_dispose_template(): the template's one direct child is AdwBin's, which
   * unparents it itself. */

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->similar_id, g_source_remove);
  g_clear_object (&self->category_model);
  g_clear_pointer (&self->category_names, g_strfreev);
  g_clear_object (&self->audit_model);
  g_clear_object (&self->grade_model);
  g_clear_object (&self->source_model);
  g_clear_object (&self->reg);

  G_OBJECT_CLASS (rectify_nc_editor_parent_class)->dispose (object);
}

static void
rectify_nc_editor_class_init (RectifyNcEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rectify_nc_editor_dispose;

  widget_class->map = rectify_nc_editor_map;
  widget_class->unmap = rectify_nc_editor_unmap;

  /**
   * RectifyNcEditor::error:
   * @message: what went wrong
   *
   * A save failed; the field shows the stored value again.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RectifyNcEditor::show-nonconformity:
   * @nc: another nonconformity of the register
   *
   * The user asked to see @nc (a similar nonconformity was activated); the window shows it.
   */
  signals[SHOW_NONCONFORMITY] =
    g_signal_new ("show-nonconformity",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RECTIFY_TYPE_NONCONFORMITY);

  g_type_ensure (RECTIFY_TYPE_DATE_BUTTON);
  g_type_ensure (RECTIFY_TYPE_REQUIREMENT_ROW);
  g_type_ensure (RECTIFY_TYPE_TEXT_FIELD);
  g_type_ensure (RECTIFY_TYPE_EVIDENCE_LIST);
  g_type_ensure (RECTIFY_TYPE_HISTORY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rectify/Rectify/rectify-nc-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, page);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, header_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, statement_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, requirement_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, audit_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, occurred_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, reported_by_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, reported_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, correction_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, correction_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, cap_due_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, due_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, closed_on_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, step_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, step_bar);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, step_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, deadline_box);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, deadline_icon);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, missing_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, missing_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, move_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, move_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, close_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, move_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, correction_by_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, not_needed_switch);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, correction_reason_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, analysis_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, add_cause_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, causes_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, similar_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, similar_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, link_action_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, link_popover);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, link_search_entry);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, link_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, add_action_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, actions_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, approval_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, approval_role_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, approval_by_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, approval_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, approval_decision_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, resubmit_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, resubmit_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, approval_comment_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, approvals_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, verification_group);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, verification_method_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, verifier_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, verified_on_button);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, verification_result_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, verification_comment_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, verifications_list);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, cap_due_on_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, due_on_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, closed_on_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, closed_by_row);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, closed_by_label);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, history_view);
  gtk_widget_class_bind_template_child (widget_class, RectifyNcEditor, history_expander);

  gtk_widget_class_install_action (widget_class, "editor.new-audit", NULL, new_audit_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-audit", NULL, edit_audit_action);
  gtk_widget_class_install_action (widget_class, "editor.move-next", NULL, move_next_action);
  gtk_widget_class_install_action (widget_class, "editor.move-back", NULL, move_back_action);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "editor.add-cause", NULL, add_cause_action);
  gtk_widget_class_install_action (widget_class, "editor.root-cause-analysis", NULL,
                                   root_cause_analysis_action);
  gtk_widget_class_install_action (widget_class, "editor.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "editor.record-approval", NULL,
                                   record_approval_action);
  gtk_widget_class_install_action (widget_class, "editor.record-verification", NULL,
                                   record_verification_action);
}

static void
rectify_nc_editor_init (RectifyNcEditor *self)
{
  g_autoptr(GtkExpression) expression = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  install_css ();
  rectify_accessible_name_expander (self->history_expander);

  self->grade_model = enum_labels (RECTIFY_TYPE_GRADE, RECTIFY_N_GRADES);
  self->source_model = enum_labels (RECTIFY_TYPE_SOURCE, RECTIFY_N_SOURCES);

  self->updating++;
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (self->grade_model));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (self->source_model));
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (audit_item_label), NULL, NULL);
  adw_combo_row_set_expression (self->audit_row, expression);
  self->updating--;

  connect_fields (self);
  setup_lifecycle (self);

  /* Ctrl+Shift+A opens the analysis from anywhere in the window (the list of NCs too). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("editor.root-cause-analysis")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  update_audit_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Public API */

/**
 * rectify_nc_editor_new:
 *
 * Returns: (transfer floating): a new editor showing its empty state
 */
GtkWidget *
rectify_nc_editor_new (void)
{
  return g_object_new (RECTIFY_TYPE_NC_EDITOR, NULL);
}

/**
 * rectify_nc_editor_set_register:
 * @reg: (nullable): the register the NCs belong to; all saves go through it
 */
void
rectify_nc_editor_set_register (RectifyNcEditor *self,
                                RectifyRegister *reg)
{
  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));
  g_return_if_fail (reg == NULL || RECTIFY_IS_REGISTER (reg));

  if (self->reg == reg)
    return;

  /* The NC being shown belongs to the old register. */
  rectify_nc_editor_set_nonconformity (self, NULL);

  self->updating++;
  adw_combo_row_set_model (self->audit_row, NULL);
  self->updating--;
  g_clear_object (&self->audit_model);
  if (self->reg != NULL)
    g_signal_handlers_disconnect_by_func (self->reg, register_changed_cb, self);
  g_set_object (&self->reg, reg);
  if (reg != NULL)
    g_signal_connect_object (reg, "changed", G_CALLBACK (register_changed_cb), self,
                             G_CONNECT_SWAPPED);
  set_read_only (self, reg != NULL && rectify_register_is_read_only (reg));
  rectify_evidence_list_set_register (self->evidence_list, reg);
  rectify_history_view_set_register (self->history_view, reg);

  if (reg != NULL)
    {
      GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
      /* Translators: the audit of an NC that did not come from an audit */
      g_autoptr(GtkStringList) none = gtk_string_list_new ((const char *[]) { _("None"), NULL });

      g_list_store_append (parts, none);
      g_list_store_append (parts, rectify_register_get_audits (reg));
      self->audit_model = gtk_flatten_list_model_new (G_LIST_MODEL (parts));

      /* Connected before the combo row's selection sees the model, and after it. */
      g_signal_connect_object (self->audit_model, "items-changed",
                               G_CALLBACK (audits_changing_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->audit_model, "items-changed",
                               G_CALLBACK (audits_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);

      self->updating++;
      adw_combo_row_set_model (self->audit_row, G_LIST_MODEL (self->audit_model));
      self->updating--;
    }

  apply_locks (self);
  update_audit_actions (self);
}

/**
 * rectify_nc_editor_get_register:
 *
 * Returns: (transfer none) (nullable): the register
 */
RectifyRegister *
rectify_nc_editor_get_register (RectifyNcEditor *self)
{
  g_return_val_if_fail (RECTIFY_IS_NC_EDITOR (self), NULL);

  return self->reg;
}

/**
 * rectify_nc_editor_set_nonconformity:
 * @nc: (nullable): the NC to show and edit, or NULL for the empty state
 *
 * Any edit not yet saved to the previous NC is saved first.
 */
void
rectify_nc_editor_set_nonconformity (RectifyNcEditor      *self,
                                     RectifyNonconformity *nc)
{
  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));
  g_return_if_fail (nc == NULL || RECTIFY_IS_NONCONFORMITY (nc));

  if (self->nc == nc)
    return;

  flush (self);

  if (self->nc != NULL)
    g_clear_signal_handler (&self->nc_notify_id, self->nc);
  g_set_object (&self->nc, nc);

  if (nc != NULL)
    {
      self->nc_notify_id = g_signal_connect_object (nc, "notify", G_CALLBACK (nc_notify_cb), self,
                                                    G_CONNECT_SWAPPED);
      load_all (self);
      refresh_now (self);
      refresh_similar (self);
      gtk_stack_set_visible_child_name (self->stack, "editor");
    }
  else
    {
      load_all (self);
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh_similar (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  rectify_evidence_list_set_owner (self->evidence_list, nc != NULL ? RECTIFY_ENTITY (nc) : NULL);
  rectify_history_view_set_nonconformity (self->history_view, nc);

  update_audit_actions (self);
}

/**
 * rectify_nc_editor_get_nonconformity:
 *
 * Returns: (transfer none) (nullable): the NC shown
 */
RectifyNonconformity *
rectify_nc_editor_get_nonconformity (RectifyNcEditor *self)
{
  g_return_val_if_fail (RECTIFY_IS_NC_EDITOR (self), NULL);

  return self->nc;
}

void
rectify_nc_editor_focus_title (RectifyNcEditor *self)
{
  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));

  if (self->nc != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * _rectify_nc_editor_get_title_editable:
 *
 * Returns: (transfer none): the title field, for tests
 */
GtkEditable *
_rectify_nc_editor_get_title_editable (RectifyNcEditor *self)
{
  g_return_val_if_fail (RECTIFY_IS_NC_EDITOR (self), NULL);

  return GTK_EDITABLE (self->title_row);
}

/* Saves any edit still waiting for the pause in typing. */
void
_rectify_nc_editor_flush (RectifyNcEditor *self)
{
  g_return_if_fail (RECTIFY_IS_NC_EDITOR (self));

  flush (self);
  if (self->refresh_id != 0)
    refresh_now (self);
}

/* Whether a search for similar NCs is waiting for its pause; runs it now when @run. */
gboolean
_rectify_nc_editor_similar_pending (RectifyNcEditor *self,
                                    gboolean         run)
{
  gboolean pending;

  g_return_val_if_fail (RECTIFY_IS_NC_EDITOR (self), FALSE);

  pending = self->similar_id != 0;
  if (pending && run)
    refresh_similar (self);

  return pending;
}

/**
 * _rectify_nc_editor_get_child:
 * @name: the id of a widget in the editor's template
 *
 * Returns: (transfer none) (nullable): the widget, for tests
 */
GtkWidget *
_rectify_nc_editor_get_child (RectifyNcEditor *self,
                              const char      *name)
{
  g_return_val_if_fail (RECTIFY_IS_NC_EDITOR (self), NULL);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), RECTIFY_TYPE_NC_EDITOR, name));
}
