namespace CommerceDesk.Web.Components.Shared;

public enum LoadStatus { Loading, Loaded, NotFound, Failed }
