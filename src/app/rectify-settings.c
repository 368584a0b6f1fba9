/* rectify-settings.c
 *
 * Copyright 2026 The Rectify authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rectify-settings"

#include "config.h"

#include "rectify-settings.h"

#define DEFAULT_POLICY_PREFIX "default-"

/* Public API */

GSettings *
rectify_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE)))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

char *
rectify_settings_policy_key (const char *policy_key)
{
  char *key;

  g_return_val_if_fail (policy_key != NULL, NULL);

  key = g_strconcat (DEFAULT_POLICY_PREFIX, policy_key, NULL);
  g_strdelimit (key, ".", '-');

  return key;
}

void
rectify_settings_get_default_policy (GSettings     *settings,
                                     RectifyPolicy *policy)
{
  const char * const *keys = rectify_policy_get_keys ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (policy != NULL);

  rectify_policy_init_defaults (policy);
  if (settings == NULL)
    return;

  g_object_get (settings, "settings-schema", &schema, NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *key = rectify_settings_policy_key (keys[i]);
      g_autoptr(GVariant) value = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_settings_schema_has_key (schema, key))
        continue;

      value = g_settings_get_value (settings, key);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
        text = g_strdup (g_variant_get_boolean (value) ? "true" : "false");
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
        text = g_strdup_printf ("%d", g_variant_get_int32 (value));
      else
        continue;

      /* The schema's ranges match the core's, so this only fails on a schema out of step. */
      if (!rectify_policy_set_value (policy, keys[i], text, &error))
        g_warning ("Ignoring the setting %s: %s", key, error->message);
    }
}

gboolean
rectify_settings_apply_default_policy (GSettings        *settings,
                                       RectifyRegister  *reg,
                                       GError          **error)
{
  RectifyPolicy policy;
  RectifyPolicy current;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (RECTIFY_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (settings == NULL)
    return TRUE;

  rectify_settings_get_default_policy (settings, &policy);
  rectify_register_get_policy (reg, &current);
  if (rectify_policy_equal (&policy, &current))
    return TRUE;

  return rectify_register_set_policy (reg, &policy, error);
}

void
rectify_settings_get_reminder_settings (GSettings               *settings,
                                        RectifyReminderSettings *reminder_settings)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (reminder_settings != NULL);

  rectify_reminder_settings_init_defaults (reminder_settings);
  if (settings == NULL)
    return;

  reminder_settings->action_lead_days =
    (guint)MAX (0, g_settings_get_int (settings, "reminder-lead-days-action"));
  reminder_settings->nc_lead_days =
    (guint)MAX (0, g_settings_get_int (settings, "reminder-lead-days-nc"));
}
