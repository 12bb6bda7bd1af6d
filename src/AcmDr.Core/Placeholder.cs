namespace AcmDr.Core;
