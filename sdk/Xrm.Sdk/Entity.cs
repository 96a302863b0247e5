using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk
{
    [DataContract(Name = "Entity", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public class Entity : IExtensibleDataObject
    {
        private AttributeCollection _attributes = new AttributeCollection();
        private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();

        public Entity()
        {
        }

        public Entity(string entityName)
        {
            LogicalName = entityName;
        }

        public Entity(string entityName, Guid id)
        {
            LogicalName = entityName;
            Id = id;
        }

        public Entity(string entityName, string keyName, object keyValue)
        {
            LogicalName = entityName;
            _keyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            _keyAttributes = keyAttributes;
        }

        [DataMember]
        public string LogicalName { get; set; }

        [DataMember]
        public virtual Guid Id { get; set; }

        [DataMember]
        public AttributeCollection Attributes
        {
            get { return _attributes; }
            set { _attributes = value; }
        }

        [DataMember]
        public EntityState? EntityState { get; set; }

        [DataMember]
        public FormattedValueCollection FormattedValues { get; internal set; } = new FormattedValueCollection();

        [DataMember]
        public RelatedEntityCollection RelatedEntities { get; internal set; } = new RelatedEntityCollection();

        [DataMember]
        public string RowVersion { get; set; }

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get { return _keyAttributes; }
            set { _keyAttributes = value; }
        }

        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>Throws KeyNotFoundException for a column that is not in Attributes, like the SDK.</summary>
        public object this[string attributeName]
        {
            get { return _attributes[attributeName]; }
            set { _attributes[attributeName] = value; }
        }

        public bool Contains(string attributeName) => _attributes.Contains(attributeName);

        /// <summary>default(T) when the column is absent or null; InvalidCastException when it holds another type.</summary>
        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!_attributes.TryGetValue(attributeLogicalName, out object value) || value == null)
            {
                return default(T);
            }

            return (T)value;
        }

        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (_attributes.TryGetValue(attributeKey, out object value) && value is T typed)
            {
                result = typed;
                return true;
            }

            result = default(T);
            return false;
        }

        /// <summary>
        /// Converts to an early-bound type. The result shares this entity's collections (a shallow view),
        /// so a change made through either is seen by both.
        /// </summary>
        public T ToEntity<T>() where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity();
                ShallowCopyTo(copy);
                return (T)copy;
            }

            var target = (T)Activator.CreateInstance(typeof(T));
            var logicalName = typeof(T).GetCustomAttribute<EntityLogicalNameAttribute>()?.LogicalName;
            if (logicalName != null && !string.IsNullOrEmpty(LogicalName) && logicalName != LogicalName)
            {
                throw new NotSupportedException(
                    "Cannot convert an entity of type '" + LogicalName + "' to '" + typeof(T).FullName + "' (logical name '" + logicalName
                        + "').");
            }

            ShallowCopyTo(target);
            if (logicalName != null) target.LogicalName = logicalName;
            return target;
        }

        public EntityReference ToEntityReference()
        {
            return new EntityReference(LogicalName, Id) { KeyAttributes = _keyAttributes, RowVersion = RowVersion };
        }

        protected virtual void SetAttributeValue(string attributeLogicalName, object value)
        {
            _attributes[attributeLogicalName] = value;
        }

        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
        {
            return FormattedValues.TryGetValue(attributeLogicalName, out string formatted) ? formatted : null;
        }

        protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            return GetRelatedEntities<TEntity>(relationshipSchemaName, primaryEntityRole)?.FirstOrDefault();
        }

        protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
            where TEntity : Entity
        {
            SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
        }

        protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            return RelatedEntities.TryGetValue(key, out EntityCollection related)
                ? related.Entities.Select(e => e.ToEntity<TEntity>())
                : null;
        }

        protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole,
            IEnumerable<TEntity> entities)
            where TEntity : Entity
        {
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (entities == null)
            {
                RelatedEntities.Remove(key);
                return;
            }

            RelatedEntities[key] = new EntityCollection(entities.Cast<Entity>().ToList());
        }

        private void ShallowCopyTo(Entity target)
        {
            target.LogicalName = LogicalName;
            target.Id = Id;
            target.Attributes = _attributes;
            target.EntityState = EntityState;
            target.FormattedValues = FormattedValues;
            target.RelatedEntities = RelatedEntities;
            target.KeyAttributes = _keyAttributes;
            target.RowVersion = RowVersion;
            target.ExtensionData = ExtensionData;
        }
    }
}
