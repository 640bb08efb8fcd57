namespace Jidoka.Protocol
{
    /// <summary>
    /// The 29-byte block frames and events share: how the node's clock maps to wall time and how good
    /// that mapping is, and which policy and calibrations were in force. It is what lets a reviewer say
    /// which limits applied to a sample or a trip.
    /// </summary>
    /// <remarks>
    /// Layout (little-endian): wallOffsetUs i64, timeUncertaintyUs u32, timeQuality u8, policyId u32,
    /// policyHash u32, forceCalibrationId u16, forceCalibrationVersion u16, visionCalibrationId u16,
    /// visionCalibrationVersion u16.
    /// </remarks>
    public sealed class Provenance
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int SizeBytes = 29;

        /// <summary>Wall-clock Unix time in µs = node monotonic µs + this offset.</summary>
        public long WallOffsetUs { get; set; }

        /// <summary>Bound on the error of the offset, µs; meaningful when <see cref="TimeQuality"/> is not Unsynced.</summary>
        public uint TimeUncertaintyUs { get; set; }

        /// <summary>How far the offset can be trusted.</summary>
        public TimeQuality TimeQuality { get; set; }

        /// <summary>Id of the active policy (1 or more).</summary>
        public uint PolicyId { get; set; }

        /// <summary>CRC-32 of the active policy's encoded record.</summary>
        public uint PolicyHash { get; set; }

        /// <summary>Id of the force channel's calibration.</summary>
        public ushort ForceCalibrationId { get; set; }

        /// <summary>Version of the force channel's calibration.</summary>
        public ushort ForceCalibrationVersion { get; set; }

        /// <summary>Id of the vision channel's calibration.</summary>
        public ushort VisionCalibrationId { get; set; }

        /// <summary>Version of the vision channel's calibration.</summary>
        public ushort VisionCalibrationVersion { get; set; }

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyFrom(Provenance other)
        {
            WallOffsetUs = other.WallOffsetUs;
            TimeUncertaintyUs = other.TimeUncertaintyUs;
            TimeQuality = other.TimeQuality;
            PolicyId = other.PolicyId;
            PolicyHash = other.PolicyHash;
            ForceCalibrationId = other.ForceCalibrationId;
            ForceCalibrationVersion = other.ForceCalibrationVersion;
            VisionCalibrationId = other.VisionCalibrationId;
            VisionCalibrationVersion = other.VisionCalibrationVersion;
        }

        /// <summary>Field at fault, or an empty string when every field holds a possible value.</summary>
        public string FindImpossibleField()
        {
            if (!TimeQualityNames.IsDefined(TimeQuality))
            {
                return "timeQuality";
            }

            if (PolicyId == 0)
            {
                return "policyId";
            }

            return "";
        }

        /// <summary>Writes the block at the cursor.</summary>
        public void Write(FieldCursor cursor)
        {
            cursor.WriteInt64(WallOffsetUs);
            cursor.WriteUInt32(TimeUncertaintyUs);
            cursor.WriteUInt8((byte)TimeQuality);
            cursor.WriteUInt32(PolicyId);
            cursor.WriteUInt32(PolicyHash);
            cursor.WriteUInt16(ForceCalibrationId);
            cursor.WriteUInt16(ForceCalibrationVersion);
            cursor.WriteUInt16(VisionCalibrationId);
            cursor.WriteUInt16(VisionCalibrationVersion);
        }

        /// <summary>Reads the block at the cursor and returns the field at fault, or an empty string.</summary>
        public string Read(FieldCursor cursor)
        {
            WallOffsetUs = cursor.ReadInt64();
            TimeUncertaintyUs = cursor.ReadUInt32();
            TimeQuality = (TimeQuality)cursor.ReadUInt8();
            PolicyId = cursor.ReadUInt32();
            PolicyHash = cursor.ReadUInt32();
            ForceCalibrationId = cursor.ReadUInt16();
            ForceCalibrationVersion = cursor.ReadUInt16();
            VisionCalibrationId = cursor.ReadUInt16();
            VisionCalibrationVersion = cursor.ReadUInt16();
            return FindImpossibleField();
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("wallOffsetUs", WallOffsetUs);
            fields.Add("timeUncertaintyUs", TimeUncertaintyUs);
            fields.Add("timeQuality", TimeQualityNames.Name(TimeQuality));
            fields.Add("policyId", PolicyId);
            fields.AddHex32("policyHash", PolicyHash);
            fields.Add("forceCalibration", ForceCalibrationId.ToString() + "." + ForceCalibrationVersion.ToString());
            fields.Add("visionCalibration", VisionCalibrationId.ToString() + "." + VisionCalibrationVersion.ToString());
        }
    }
}
