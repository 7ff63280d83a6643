namespace CommerceDesk.Domain.Carts;

public enum CartStatus { Open, Purchased, Abandoned, Lost }

public enum CheckoutStep { None, Shipping, Payment }
